package org.quire.security;

import static org.quire.testing.Bodies.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quire.tools.dev.Jwt;
import org.quire.testing.QuireApi;
import org.quire.testing.ServedTests;
import org.quire.testing.Reply;
import org.quire.testing.Tokens;

/** The contract's Security section: who may do what, and what a bad token gets. */
public abstract class AccessControlIT extends ServedTests {

    QuireApi anonymous;
    QuireApi editor;
    QuireApi admin;

    @BeforeEach
    void callers() {
        anonymous = api.anonymous();
        editor = api.as(Tokens.editor());
        admin = api.as(Tokens.admin());
    }

    private JsonObject postAs(QuireApi caller, String status, int author, Integer category) {
        String body = object("title", status + " " + QuireApi.unique(), "content", "c", "status", status, "authorId", author,
                "categoryId", category);
        return caller.post("api/posts", body).expect(201).json();
    }

    @Test
    void anonymousCallersReadCategories() {
        int category = newCategory("Public");
        anonymous.get("api/categories").expect(200);
        anonymous.get("api/categories/" + category).expect(200);
        anonymous.get("api/categories/" + category + "/posts").expect(200);
    }

    @Test
    void forAnonymousCallersOnlyPublishedPostsExist() {
        int author = newUser();
        int category = newCategory("Visibility");
        JsonObject published = postAs(editor, "published", author, category);
        JsonObject draft = postAs(editor, "draft", author, category);
        JsonObject archived = postAs(editor, "archived", author, category);

        Reply list = anonymous.get("api/posts?authorId=" + author).expect(200);
        assertEquals(List.of(published.getInt("id")), list.items().stream().map(p -> p.getInt("id")).toList());
        assertEquals(1, list.json().getInt("totalItems"));
        assertEquals(0, anonymous.get("api/posts?authorId=" + author + "&status=draft").expect(200).json().getInt("totalItems"));
        assertEquals(1, anonymous.get("api/categories/" + category + "/posts").expect(200).json().getInt("totalItems"));
        assertEquals(1, anonymous.get("api/posts?authorId=" + author + "&q=c").expect(200).json().getInt("totalItems"));

        anonymous.get("api/posts/" + published.getInt("id")).expect(200);
        anonymous.get("api/posts/by-slug/" + published.getString("slug")).expect(200);
        for (JsonObject hidden : List.of(draft, archived)) {
            anonymous.get("api/posts/" + hidden.getInt("id")).expectProblem(404);
            anonymous.get("api/posts/by-slug/" + hidden.getString("slug")).expectProblem(404);
        }

        assertEquals(3, editor.get("api/posts?authorId=" + author).expect(200).json().getInt("totalItems"));
        assertEquals(3, admin.get("api/posts?authorId=" + author).expect(200).json().getInt("totalItems"));
        editor.get("api/posts/" + draft.getInt("id")).expect(200);
        editor.get("api/posts/by-slug/" + archived.getString("slug")).expect(200);
    }

    @Test
    void everyAnonymousWriteIsA401WithABearerChallengeAndChangesNothing() {
        int category = newCategory("Guarded");
        int user = newUser();
        JsonObject post = postAs(admin, "published", user, null);
        String postPath = "api/posts/" + post.getInt("id");
        List<Reply> refused = List.of(
                anonymous.post("api/posts", object("title", "t", "content", "c")),
                anonymous.put(postPath, object("title", "t", "content", "c")),
                anonymous.patch(postPath, object("title", "t")),
                anonymous.delete(postPath),
                anonymous.post("api/categories", object("name", "n " + QuireApi.unique())),
                anonymous.put("api/categories/" + category, object("name", "n " + QuireApi.unique())),
                anonymous.delete("api/categories/" + category),
                anonymous.get("api/users"),
                anonymous.get("api/users/" + user),
                anonymous.post("api/users", object("username", "x" + QuireApi.unique(), "email", "x@example.com")),
                anonymous.delete("api/users/" + user));
        for (Reply reply : refused) {
            reply.expectProblem(401);
            assertTrue(reply.header("WWW-Authenticate").startsWith("Bearer"), reply.header("WWW-Authenticate"));
        }
        assertEquals(post, admin.get(postPath).json());
        admin.get("api/categories/" + category).expect(200);
        admin.get("api/users/" + user).expect(200);
    }

    @Test
    void editorsWritePostsAndCategoriesAndReadSingleUsersOnly() {
        int category = editor.post("api/categories", object("name", "Editorial " + QuireApi.unique())).expect(201).json().getInt("id");
        editor.put("api/categories/" + category, object("name", "Editorial " + QuireApi.unique())).expect(200);
        int user = newUser();
        JsonObject post = postAs(editor, "draft", user, category);
        String path = "api/posts/" + post.getInt("id");
        editor.put(path, object("title", "t", "content", "c", "status", "archived")).expect(200);
        editor.patch(path, object("status", "published")).expect(200);
        editor.delete(path).expect(204);
        editor.delete("api/categories/" + category).expect(204);

        editor.get("api/users/" + user).expect(200);
        editor.get("api/users").expectProblem(403);
        editor.post("api/users", object("username", "e" + QuireApi.unique(), "email", "e@example.com")).expectProblem(403);
        editor.delete("api/users/" + user).expectProblem(403);
        admin.get("api/users/" + user).expect(200);
    }

    @Test
    void adminsManageUsers() {
        String name = "adm" + QuireApi.unique();
        int user = admin.post("api/users", object("username", name, "email", name + "@example.com")).expect(201).json().getInt("id");
        admin.get("api/users").expect(200);
        admin.get("api/users/" + user).expect(200);
        admin.delete("api/users/" + user).expect(204);
    }

    @Test
    void aValidTokenWithoutAQuireRoleReadsLikeAnAnonymousCallerAndCannotWrite() {
        QuireApi reader = api.as(Tokens.sign(Tokens.claims(List.of("reader"))));
        int author = newUser();
        postAs(admin, "draft", author, null);
        assertEquals(0, reader.get("api/posts?authorId=" + author).expect(200).json().getInt("totalItems"));
        reader.post("api/posts", object("title", "t", "content", "c")).expectProblem(403);
        reader.get("api/users").expectProblem(403);
    }

    @Test
    void anAuthorizationHeaderThatIsNotABearerTokenIsAnAnonymousCaller() {
        String basic = "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
        int author = newUser();
        postAs(admin, "draft", author, null);
        Reply list = anonymous.get("api/posts?authorId=" + author, "Authorization", basic).expect(200);
        assertEquals(0, list.json().getInt("totalItems"));
        anonymous.post("api/categories", object("name", "never " + QuireApi.unique()), "Authorization", basic).expectProblem(401);
    }

    @Test
    void aTokenThatExpiresWhileTheServerRemembersItIsRefused() throws InterruptedException {
        Jwt.Claims claims = Jwt.Claims.of(Tokens.issuer(), "it-short-lived", List.of("admin"), 3);
        QuireApi shortLived = api.as(Tokens.sign(claims));
        shortLived.get("api/users").expect(200);
        shortLived.get("api/users").expect(200);
        Thread.sleep(Math.max(0, claims.expiresAt().toEpochMilli() - System.currentTimeMillis()) + 1_500);
        shortLived.get("api/users").expectProblem(401);
    }

    @Test
    void badTokensAre401sNever500s() throws Exception {
        Instant now = Instant.now();
        List<String> groups = List.of("admin");
        String valid = Tokens.admin();
        String[] parts = valid.split("\\.");
        String tamperedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("\"sub\":\"it-admin\"", "\"sub\":\"mallory\"").getBytes(StandardCharsets.UTF_8));
        var otherKey = KeyPairGenerator.getInstance("RSA");
        otherKey.initialize(2048);

        List<String> bad = List.of(
                Tokens.sign(new Jwt.Claims(Tokens.issuer(), "late", groups, now.minusSeconds(7200), now.minusSeconds(3600), null)),
                Tokens.sign(new Jwt.Claims(Tokens.issuer(), "early", groups, now, now.plusSeconds(7200), now.plusSeconds(3600))),
                Tokens.sign(new Jwt.Claims("https://someone-else.example", "foreign", groups, now, now.plusSeconds(600), null)),
                Jwt.sign(Tokens.claims(groups), otherKey.generateKeyPair().getPrivate()),
                Jwt.unsigned(Tokens.claims(groups)),
                parts[0] + "." + tamperedPayload + "." + parts[2],
                "garbage",
                "a.b.c");
        for (String token : bad) {
            for (Reply reply : List.of(
                    api.get("api/posts", "Authorization", "Bearer " + token),
                    api.post("api/categories", object("name", "never " + QuireApi.unique()), "Authorization", "Bearer " + token))) {
                assertEquals(401, reply.status(), () -> "token " + token + " got " + reply.body());
                reply.expectProblem(401);
                assertTrue(reply.header("WWW-Authenticate").startsWith("Bearer"), reply.header("WWW-Authenticate"));
                assertTrue(!reply.body().contains(token), "the token is not echoed");
            }
        }
        api.get("api/posts", "Authorization", "Bearer " + valid).expect(200);
    }
}
