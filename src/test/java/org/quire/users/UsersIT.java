package org.quire.users;

import static org.quire.testing.Bodies.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quire.testing.QuireApi;
import org.quire.testing.ServedTests;
import org.quire.testing.StatementBudget;
import org.quire.testing.Reply;

public abstract class UsersIT extends ServedTests {

    @Test
    void createAnswers201WithTheStoredUser() {
        String username = "anna.k-" + QuireApi.unique();
        Instant before = Instant.now().minusSeconds(5);
        Reply created = api.post("api/users",
                object("username", username, "email", username + "@example.com", "displayName", "Anna K."))
                .expect(201);
        JsonObject user = created.json();
        assertEquals(username, user.getString("username"));
        assertEquals(username + "@example.com", user.getString("email"));
        assertEquals("Anna K.", user.getString("displayName"));
        Instant createdAt = Instant.parse(user.getString("createdAt"));
        assertTrue(user.getString("createdAt").endsWith("Z"));
        assertTrue(createdAt.isAfter(before) && createdAt.isBefore(Instant.now().plus(Duration.ofSeconds(5))));
        assertEquals(api.uri("api/users/" + user.getInt("id")).toString(), created.header("Location"));
        assertEquals(user, api.get("api/users/" + user.getInt("id")).expect(200).json());
    }

    @Test
    void displayNameIsOptional() {
        String username = "u" + QuireApi.unique();
        JsonObject user = api.post("api/users", object("username", username, "email", username + "@example.com"))
                .expect(201).json();
        assertEquals(JsonValue.NULL, user.get("displayName"));
    }

    @Test
    void usernameIs3To50OfLowerCaseLettersDigitsDotsUnderscoresAndDashes() {
        String u = QuireApi.unique();
        assertInvalid(object("email", "a" + u + "@example.com"), "username");
        assertInvalid(object("username", "ab", "email", "b" + u + "@example.com"), "username");
        assertInvalid(object("username", "Anna" + u, "email", "c" + u + "@example.com"), "username");
        assertInvalid(object("username", "anna k" + u, "email", "d" + u + "@example.com"), "username");
        assertInvalid(object("username", "a".repeat(51), "email", "e" + u + "@example.com"), "username");
        api.post("api/users", object("username", "a._-" + u, "email", "f" + u + "@example.com")).expect(201);
    }

    @Test
    void emailMustBeAValidAddressOfAtMost254Characters() {
        String u = QuireApi.unique();
        assertInvalid(object("username", "m1" + u), "email");
        assertInvalid(object("username", "m2" + u, "email", "not-an-address"), "email");
        assertInvalid(object("username", "m3" + u, "email", "a@b"), "email");
        assertInvalid(object("username", "m4" + u, "email", "a".repeat(250) + "@example.com"), "email");
        assertInvalid(object("username", "m5" + u, "email", "x@example.com", "displayName", "d".repeat(101)),
                "displayName");
    }

    @Test
    void everyBrokenFieldIsNamedAtOnce() {
        api.post("api/users", object("username", "A", "email", "nope", "extra", 1)).expectProblem(400, "email", "extra", "username");
    }

    @Test
    void takenUsernameIsA409() {
        String username = "dup" + QuireApi.unique();
        api.post("api/users", object("username", username, "email", username + "@example.com")).expect(201);
        api.post("api/users", object("username", username, "email", "other" + username + "@example.com"))
                .expectProblem(409, "username");
    }

    @Test
    void emailIsUniqueWhateverItsCase() {
        String u = QuireApi.unique();
        api.post("api/users", object("username", "first" + u, "email", "Case" + u + "@Example.com")).expect(201);
        long total = totalUsers();
        api.post("api/users", object("username", "second" + u, "email", "case" + u + "@example.COM"))
                .expectProblem(409, "email");
        assertEquals(total, totalUsers());
    }

    @Test
    void deletingAUserDeletesTheirPosts() {
        int author = newUser();
        int post = api.post("api/posts", object("title", "Mine", "content", "c", "authorId", author))
                .expect(201).json().getInt("id");

        api.delete("api/users/" + author).expect(204);

        api.get("api/users/" + author).expectProblem(404);
        api.get("api/posts/" + post).expectProblem(404);
        api.delete("api/users/" + author).expectProblem(404);
    }

    @Test
    void listIsSortedByUsernameWithPageLinks() {
        String u = QuireApi.unique();
        for (String name : List.of("zz" + u + "c", "zz" + u + "a", "zz" + u + "b")) {
            api.post("api/users", object("username", name, "email", name + "@example.com")).expect(201);
        }
        List<String> usernames = new ArrayList<>();
        String next = "api/users?size=3";
        while (next != null) {
            Reply page = api.get(next).expect(200);
            assertTrue(page.json().getInt("size") == 3);
            usernames.addAll(Reply.strings(page.items(), "username"));
            next = page.links().get("next");
        }
        assertEquals(List.of("zz" + u + "a", "zz" + u + "b", "zz" + u + "c"),
                usernames.stream().filter(n -> n.contains(u)).toList());
        assertEquals(usernames.size(), usernames.stream().distinct().count(), "no user twice across pages");
    }

    @Test
    void everyEndpointRunsAFixedNumberOfStatements() {
        int id = newUser();
        api.get("api/users?size=100").expect(200).expectStatements(StatementBudget.LIST_PAGE);
        api.get("api/users/" + id).expect(200).expectStatements(StatementBudget.READ_ONE);
        api.post("api/users", object("username", "c" + QuireApi.unique(), "email", "c" + QuireApi.unique() + "@example.com"))
                .expect(201).expectStatements(StatementBudget.CREATE);
        api.delete("api/users/" + id).expect(204).expectStatements(StatementBudget.DELETE);
    }

    private void assertInvalid(String body, String field) {
        long total = totalUsers();
        api.post("api/users", body).expectProblem(400, field);
        assertEquals(total, totalUsers());
    }

    private long totalUsers() {
        return api.get("api/users").expect(200).json().getJsonNumber("totalItems").longValue();
    }
}
