package org.quire.posts;

import static org.quire.testing.Bodies.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.quire.testing.QuireApi;
import org.quire.testing.ServedTests;
import org.quire.testing.StatementBudget;
import org.quire.testing.Reply;

public abstract class PostsIT extends ServedTests {

    /** A post's body: its title and content, then any further name, value pairs. */
    private static String post(String title, String content, Object... more) {
        Object[] fields = new Object[4 + more.length];
        fields[0] = "title";
        fields[1] = title;
        fields[2] = "content";
        fields[3] = content;
        System.arraycopy(more, 0, fields, 4, more.length);
        return object(fields);
    }

    private JsonObject create(String title, Object... more) {
        return api.post("api/posts", post(title, "content of " + title, more)).expect(201).json();
    }

    // --- create and read -------------------------------------------------------------------

    @Test
    void createAppliesDefaultsAndAnswersWithLocationAndEtag() {
        Instant before = Instant.now().minusSeconds(5);
        Reply created = api.post("api/posts", object("title", "  Hello world  ", "content", "text")).expect(201);
        JsonObject post = created.json();
        int id = post.getInt("id");
        assertEquals("Hello world", post.getString("title"));
        assertEquals("text", post.getString("content"));
        assertEquals("draft", post.getString("status"));
        assertTrue(post.getString("slug").matches("hello-world(-[0-9]+)?"), post.getString("slug"));
        assertEquals(JsonValue.NULL, post.get("categoryId"));
        assertEquals(JsonValue.NULL, post.get("authorId"));
        assertEquals(1, post.getInt("version"));
        assertEquals(post.getString("createdAt"), post.getString("updatedAt"));
        assertTrue(Instant.parse(post.getString("createdAt")).isAfter(before));
        assertTrue(post.getString("createdAt").endsWith("Z"));
        assertEquals(api.uri("api/posts/" + id).toString(), created.header("Location"));
        assertEquals("\"1\"", created.header("ETag"));

        Reply read = api.get("api/posts/" + id).expect(200);
        assertEquals(post, read.json());
        assertEquals("\"1\"", read.header("ETag"));
    }

    @Test
    void createWithEveryField() {
        int category = newCategory("Everything");
        int author = newUser();
        String slug = "explicit-" + QuireApi.unique();
        JsonObject post = create("Full", "status", "published", "categoryId", category,
                "authorId", author, "slug", slug);
        assertEquals("published", post.getString("status"));
        assertEquals(category, post.getInt("categoryId"));
        assertEquals(author, post.getInt("authorId"));
        assertEquals(slug, post.getString("slug"));
    }

    @Test
    void contentMayBeEmptyButNotMissingOrNull() {
        api.post("api/posts", object("title", "Empty", "content", "")).expect(201);
        api.post("api/posts", object("title", "Missing")).expectProblem(400, "content");
        api.post("api/posts", object("title", "Null", "content", null)).expectProblem(400, "content");
    }

    @Test
    void contentUpTo1MiBIsAcceptedAndMoreIsRefused() {
        String mib = "a".repeat(1024 * 1024);
        JsonObject stored = api.post("api/posts", post("Large", mib)).expect(201).json();
        assertEquals(mib.length(), api.get("api/posts/" + stored.getInt("id")).json().getString("content").length());
        api.post("api/posts", post("Too large", mib + "b")).expectProblem(400, "content");
    }

    @Test
    void aLargeAnswerIsSentWithItsLengthInBytes() {
        // Cyrillic is two bytes a character in UTF-8: the length counts bytes, not characters.
        String text = "Длинный текст поста. ".repeat(3000);
        int id = api.post("api/posts", post("Long answer", text)).expect(201).json().getInt("id");
        Reply read = api.get("api/posts/" + id).expect(200);
        assertEquals(text, read.json().getString("content"));
        assertEquals(String.valueOf(read.body().getBytes(StandardCharsets.UTF_8).length), read.header("Content-Length"));
        assertNull(read.header("Transfer-Encoding"));
    }

    @Test
    void titleRulesAndStatusValuesAreEnforced() {
        api.post("api/posts", object("content", "c")).expectProblem(400, "title");
        api.post("api/posts", object("title", " ", "content", "c")).expectProblem(400, "title");
        api.post("api/posts", post("t".repeat(201), "c")).expectProblem(400, "title");
        api.post("api/posts", post("t".repeat(200), "c")).expect(201);
        api.post("api/posts", post("Status", "c", "status", "deleted")).expectProblem(400, "status");
        api.post("api/posts", object("title", "Status", "content", "c", "status", 1)).expectProblem(400, "status");
        JsonObject problem = api.post("api/posts", object("title", "", "content", "c")).expectProblem(400, "title");
        assertEquals("title: must not be blank", problem.getString("detail"));
    }

    @Test
    void referencesToMissingCategoryOrUserAre400sNamingTheField() {
        api.post("api/posts", post("Orphan", "c", "categoryId", "2147483000")).expectProblem(400, "categoryId");
        api.post("api/posts", post("Orphan", "c", "authorId", "2147483000")).expectProblem(400, "authorId");
        api.post("api/posts", post("Orphan", "c", "categoryId", "2147483000", "authorId", "2147483001"))
                .expectProblem(400, "authorId", "categoryId");
        api.post("api/posts", post("Orphan", "c", "categoryId", "-3")).expectProblem(400, "categoryId");
        api.post("api/posts", object("title", "Orphan", "content", "c", "authorId", 1.5)).expectProblem(400, "authorId");
    }

    @Test
    void readOnlyFieldsAreIgnoredAndUnknownOnesRefused() {
        JsonObject post = api.post("api/posts",
                object("title", "RO", "content", "c", "id", 7, "version", 9, "createdAt", "2000-01-01T00:00:00Z"))
                .expect(201).json();
        assertEquals(1, post.getInt("version"));
        assertNotEquals("2000-01-01T00:00:00Z", post.getString("createdAt"));
        api.post("api/posts", object("title", "RO", "content", "c", "tags", List.of())).expectProblem(400, "tags");
    }

    @Test
    void readBySlugAnswersWithEtag() {
        JsonObject post = create("By slug " + QuireApi.unique());
        Reply read = api.get("api/posts/by-slug/" + post.getString("slug")).expect(200);
        assertEquals(post, read.json());
        assertEquals("\"1\"", read.header("ETag"));
    }

    @Test
    void ifNoneMatchWithTheCurrentEtagIsA304() {
        JsonObject post = create("Cached");
        Reply notModified = api.get("api/posts/" + post.getInt("id"), "If-None-Match", "\"1\"");
        notModified.expect(304);
        assertEquals("\"1\"", notModified.header("ETag"));
        assertTrue(notModified.body().isEmpty());
        api.get("api/posts/" + post.getInt("id"), "If-None-Match", "\"2\"").expect(200);
        api.get("api/posts/by-slug/" + post.getString("slug"), "If-None-Match", "\"1\"").expect(304);
    }

    // --- slugs -------------------------------------------------------------------------------

    @Test
    void slugIsDerivedFromTheTitleWithCyrillicTransliterated() {
        String u = QuireApi.unique();
        assertEquals("privet-mir-" + u, create("Привет, мир! " + u).getString("slug"));
        assertEquals("creme-brulee-a-la-francaise-" + u, create("Crème brûlée à la française " + u).getString("slug"));
    }

    @Test
    void takenDerivedSlugsGetNumberedSuffixes() {
        String title = "Same title " + QuireApi.unique();
        String base = Slugs.derive(title);
        assertEquals(base, create(title).getString("slug"));
        assertEquals(base + "-2", create(title).getString("slug"));
        assertEquals(base + "-3", create(title).getString("slug"));
    }

    @Test
    void aTitleWithNothingUsableGivesPost() {
        String slug = create("!!! ???").getString("slug");
        assertTrue(slug.matches("post(-[0-9]+)?"), slug);
    }

    @Test
    void explicitSlugMustMatchThePatternAndBeFree() {
        String slug = "taken-" + QuireApi.unique();
        create("First", "slug", slug);
        api.post("api/posts", post("Second", "c", "slug", slug)).expectProblem(409, "slug");
        for (String bad : List.of("Upper", "two--dashes", "-lead", "trail-", "under_score", "", "x".repeat(201))) {
            api.post("api/posts", post("Bad slug", "c", "slug", bad)).expectProblem(400, "slug");
        }
    }

    @Test
    void derivedSlugStaysWhenTheTitleChanges() {
        JsonObject post = create("Original title " + QuireApi.unique());
        JsonObject replaced = api.put("api/posts/" + post.getInt("id"), post("A new title", "c")).expect(200).json();
        assertEquals(post.getString("slug"), replaced.getString("slug"));
    }

    @Test
    void twentyConcurrentCreatesWithOneTitleGetTwentyDistinctSlugs() throws Exception {
        String title = "Race " + QuireApi.unique();
        List<Reply> replies = concurrently(20, () -> api.post("api/posts", post(title, "c")));
        var slugs = new HashSet<String>();
        for (Reply reply : replies) {
            reply.expect(201);
            slugs.add(reply.json().getString("slug"));
        }
        assertEquals(20, slugs.size());
        String base = Slugs.derive(title);
        assertTrue(slugs.contains(base) && slugs.contains(base + "-20"), slugs.toString());
    }

    // --- updates -----------------------------------------------------------------------------

    @Test
    void putReplacesWritableFieldsAndBumpsVersion() {
        int category = newCategory("Put");
        JsonObject post = create("Put me", "categoryId", category, "status", "published");
        int id = post.getInt("id");

        Reply replaced = api.put("api/posts/" + id, post("Put you", "new content", "status", "archived")).expect(200);
        JsonObject body = replaced.json();
        assertEquals("Put you", body.getString("title"));
        assertEquals("new content", body.getString("content"));
        assertEquals("archived", body.getString("status"));
        assertEquals(JsonValue.NULL, body.get("categoryId"), "an omitted optional field becomes null");
        assertEquals(post.getString("slug"), body.getString("slug"), "a stored slug stays unless a new one is given");
        assertEquals(2, body.getInt("version"));
        assertEquals("\"2\"", replaced.header("ETag"));
        assertEquals(post.getString("createdAt"), body.getString("createdAt"));
        assertTrue(Instant.parse(body.getString("updatedAt")).isAfter(Instant.parse(post.getString("updatedAt"))));
        assertEquals(body, api.get("api/posts/" + id).json());

        JsonObject defaulted = api.put("api/posts/" + id, post("Put you", "new content")).expect(200).json();
        assertEquals("draft", defaulted.getString("status"), "an omitted status becomes the default");
        assertEquals(3, defaulted.getInt("version"));
    }

    @Test
    void putCanSetANewExplicitSlugButNotATakenOne() {
        String taken = "occupied-" + QuireApi.unique();
        create("Holder", "slug", taken);
        JsonObject post = create("Mover");
        String fresh = "moved-" + QuireApi.unique();
        assertEquals(fresh, api.put("api/posts/" + post.getInt("id"), post("Mover", "c", "slug", fresh)).expect(200).json().getString("slug"));
        api.put("api/posts/" + post.getInt("id"), post("Mover", "c", "slug", taken)).expectProblem(409, "slug");
        api.put("api/posts/" + post.getInt("id"), post("Mover", "c", "slug", fresh)).expect(200);
    }

    @Test
    void invalidPutChangesNothing() {
        JsonObject post = create("Stable");
        api.put("api/posts/" + post.getInt("id"), object("title", "", "content", "c")).expectProblem(400, "title");
        api.put("api/posts/" + post.getInt("id"), post("Stable", "c", "categoryId", "2147483000")).expectProblem(400, "categoryId");
        assertEquals(post, api.get("api/posts/" + post.getInt("id")).json());
        api.put("api/posts/2147483000", post("Nobody", "c")).expectProblem(404);
    }

    @Test
    void staleIfMatchIsA412AndChangesNothing() {
        JsonObject post = create("Versioned");
        String path = "api/posts/" + post.getInt("id");
        api.put(path, post("Versioned v2", "c"), "If-Match", "\"1\"").expect(200);
        api.put(path, post("Lost update", "c"), "If-Match", "\"1\"").expectProblem(412);
        api.patch(path, object("title", "Lost patch"), "If-Match", "\"1\"").expectProblem(412);
        api.delete(path, "If-Match", "\"1\"").expectProblem(412);
        api.put(path, post("Lost update", "c"), "If-Match", "W/\"2\"").expectProblem(412);
        JsonObject current = api.get(path).json();
        assertEquals("Versioned v2", current.getString("title"));
        assertEquals(2, current.getInt("version"));
        api.put(path, post("Versioned v3", "c"), "If-Match", "\"2\"").expect(200);
    }

    @Test
    void patchMergesIntoTheStoredPost() {
        int category = newCategory("Patch");
        JsonObject post = create("Patch me", "categoryId", category, "status", "published");
        String path = "api/posts/" + post.getInt("id");

        Reply patched = api.patch(path, object("title", "Patched"), "If-Match", "\"1\"").expect(200);
        JsonObject body = patched.json();
        assertEquals("Patched", body.getString("title"));
        assertEquals(post.getString("content"), body.getString("content"));
        assertEquals("published", body.getString("status"));
        assertEquals(category, body.getInt("categoryId"));
        assertEquals(post.getString("slug"), body.getString("slug"));
        assertEquals(2, body.getInt("version"));
        assertEquals("\"2\"", patched.header("ETag"));

        JsonObject uncategorised = api.patch(path, object("categoryId", null, "status", "archived")).expect(200).json();
        assertEquals(JsonValue.NULL, uncategorised.get("categoryId"));
        assertEquals("archived", uncategorised.getString("status"));

        api.patch(path, object("title", null)).expectProblem(400, "title");
        api.patch(path, object("colour", "red")).expectProblem(400, "colour");
        api.patch(path, "[]").expectProblem(400, "body");
        assertEquals(uncategorised, api.get(path).json());
        api.patch("api/posts/2147483000", object("title", "x")).expectProblem(404);
    }

    @Test
    void deleteRemovesThePost() {
        JsonObject post = create("Delete me");
        String path = "api/posts/" + post.getInt("id");
        api.delete(path, "If-Match", "\"1\"").expect(204);
        api.get(path).expectProblem(404);
        api.delete(path).expectProblem(404);
    }

    @Test
    void concurrentPutsWithOneIfMatchHaveExactlyOneWinner() throws Exception {
        JsonObject post = create("Contended");
        String path = "api/posts/" + post.getInt("id");
        List<Reply> replies = concurrently(8, () -> api.put(path, post("Writer " + QuireApi.unique(), "c"), "If-Match", "\"1\""));
        assertEquals(1, replies.stream().filter(r -> r.status() == 200).count());
        assertEquals(7, replies.stream().filter(r -> r.status() == 412).count());
        assertEquals(2, api.get(path).json().getInt("version"));
    }

    @Test
    void concurrentPutsWithoutIfMatchAllLandAndNoVersionIsLost() throws Exception {
        JsonObject post = create("Last writer wins");
        String path = "api/posts/" + post.getInt("id");
        List<Reply> replies = concurrently(8, () -> api.put(path, post("Writer " + QuireApi.unique(), "c")));
        replies.forEach(r -> r.expect(200));
        assertEquals(9, api.get(path).json().getInt("version"));
        assertEquals(8, replies.stream().map(r -> r.json().getInt("version")).distinct().count());
    }

    // --- statements per request -------------------------------------------------------------

    @Test
    void everyEndpointRunsAFixedNumberOfStatementsWhateverTheData() {
        int author = newUser();
        int category = newCategory("Budget");
        Reply first = api.post("api/posts", post("Budget " + QuireApi.unique(), "c", "authorId", author, "categoryId", category))
                .expect(201).expectStatements(StatementBudget.CREATE_POST_WITH_DERIVED_SLUG);
        api.post("api/posts", post("t", "c", "slug", "explicit-" + QuireApi.unique(), "authorId", author, "categoryId", category))
                .expect(201).expectStatements(StatementBudget.CREATE);
        api.get("api/posts?authorId=" + author).expect(200).expectStatements(StatementBudget.LIST_PAGE);
        api.get("api/categories/" + category + "/posts").expect(200).expectStatements(StatementBudget.CATEGORY_POSTS_PAGE);
        for (int i = 0; i < 25; i++) {
            api.post("api/posts", post("Budget", "c", "authorId", author, "categoryId", category)).expect(201);
        }
        Reply list = api.get("api/posts?authorId=" + author + "&size=30").expect(200).expectStatements(StatementBudget.LIST_PAGE);
        assertEquals(27, list.items().size(), "a longer list runs no more statements");
        api.get("api/categories/" + category + "/posts?size=30").expect(200).expectStatements(StatementBudget.CATEGORY_POSTS_PAGE);
        api.get("api/posts?authorId=" + author + "&q=budget").expect(200).expectStatements(StatementBudget.SEARCH_PAGE);

        int id = first.json().getInt("id");
        api.get("api/posts/" + id).expect(200).expectStatements(StatementBudget.READ_ONE);
        api.get("api/posts/by-slug/" + first.json().getString("slug")).expect(200).expectStatements(StatementBudget.READ_ONE);
        api.put("api/posts/" + id, post("Budget", "d", "authorId", author, "categoryId", category))
                .expect(200).expectStatements(StatementBudget.UPDATE);
        api.patch("api/posts/" + id, object("content", "e")).expect(200).expectStatements(StatementBudget.UPDATE);
        api.delete("api/posts/" + id).expect(204).expectStatements(StatementBudget.DELETE_POST);
    }

    // --- lists -------------------------------------------------------------------------------

    @Test
    void filtersCombineWithAnd() {
        int author = newUser();
        int category = newCategory("Filters");
        int a = create("Alpha", "authorId", author, "categoryId", category, "status", "published").getInt("id");
        int b = create("Beta", "authorId", author, "status", "published").getInt("id");
        int c = create("Gamma", "authorId", author, "categoryId", category).getInt("id");

        assertEquals(List.of(c, b, a), ids("api/posts?authorId=" + author));
        assertEquals(List.of(b, a), ids("api/posts?authorId=" + author + "&status=published"));
        assertEquals(List.of(c, a), ids("api/posts?authorId=" + author + "&categoryId=" + category));
        assertEquals(List.of(a), ids("api/posts?authorId=" + author + "&categoryId=" + category + "&status=published"));
        assertEquals(List.of(), ids("api/posts?authorId=" + author + "&status=archived"));
        assertEquals(List.of(c, a), ids("api/categories/" + category + "/posts"));
        assertEquals(List.of(a), ids("api/categories/" + category + "/posts?status=published"));
    }

    @Test
    void qMatchesEveryWordInTitleOrContentIgnoringCase() {
        int author = newUser();
        String word = "zebra" + QuireApi.unique();
        int both = api.post("api/posts", post("The " + word.toUpperCase() + " story", "about Giraffes", "authorId", author))
                .expect(201).json().getInt("id");
        int contentOnly = api.post("api/posts", post("Plain", "a " + word + " and a giraffe", "authorId", author))
                .expect(201).json().getInt("id");
        int cyrillic = api.post("api/posts", post("Ёж и ЗЕБРА", word + " Привет", "authorId", author))
                .expect(201).json().getInt("id");
        api.post("api/posts", post("Unrelated", "nothing", "authorId", author)).expect(201);

        assertEquals(List.of(cyrillic, contentOnly, both), ids("api/posts?authorId=" + author + "&q=" + word));
        assertEquals(List.of(contentOnly, both), ids("api/posts?authorId=" + author + "&q=GIRAFFE%20" + word));
        assertEquals(List.of(cyrillic), ids("api/posts?authorId=" + author + "&q=" + enc("зебра привет")));
        assertEquals(List.of(), ids("api/posts?authorId=" + author + "&q=" + enc("100%")));
        assertEquals(List.of(), ids("api/posts?authorId=" + author + "&q=_"));
    }

    /** % and _ are text in q, whether the content has the word in q's case or in another. */
    @Test
    void qMatchesWildcardCharactersLiterallyInAnyCase() {
        int author = newUser();
        int rates = api.post("api/posts", post("Rates", "up 5% in Q_1", "authorId", author)).expect(201).json().getInt("id");
        api.post("api/posts", post("Decoy", "Q11 had 50 sales", "authorId", author)).expect(201);

        assertEquals(List.of(rates), ids("api/posts?authorId=" + author + "&q=" + enc("5%")));
        assertEquals(List.of(rates), ids("api/posts?authorId=" + author + "&q=q_1"));
        assertEquals(List.of(rates), ids("api/posts?authorId=" + author + "&q=Q_1"));
    }

    @Test
    void everySortIsStableWithTiesBrokenById() {
        int author = newUser();
        List<Integer> created = new ArrayList<>();
        for (String title : List.of("b", "a", "c", "a")) {
            created.add(create(title, "authorId", author).getInt("id"));
        }
        // Touch the first post so that updatedAt differs from createdAt order.
        api.patch("api/posts/" + created.get(0), object("content", "touched")).expect(200);
        String filter = "api/posts?authorId=" + author + "&sort=";
        int b = created.get(0);
        int a1 = created.get(1);
        int c = created.get(2);
        int a2 = created.get(3);
        assertEquals(List.of(b, a1, c, a2), ids(filter + "createdAt"));
        assertEquals(List.of(a2, c, a1, b), ids(filter + "-createdAt"));
        assertEquals(List.of(a2, c, a1, b), ids("api/posts?authorId=" + author));
        assertEquals(List.of(a1, c, a2, b), ids(filter + "updatedAt"));
        assertEquals(List.of(b, a2, c, a1), ids(filter + "-updatedAt"));
        assertEquals(List.of(a1, a2, b, c), ids(filter + "title"));
        assertEquals(List.of(c, b, a2, a1), ids(filter + "-title"));
    }

    @Test
    void pagesCarryTotalsAndLinksThatKeepTheFilters() {
        int author = newUser();
        List<Integer> newestFirst = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            newestFirst.add(0, create("Paged " + i, "authorId", author).getInt("id"));
        }
        Reply page2 = api.get("api/posts?authorId=" + author + "&size=2&page=2").expect(200);
        JsonObject body = page2.json();
        assertEquals(2, body.getInt("page"));
        assertEquals(2, body.getInt("size"));
        assertEquals(5, body.getInt("totalItems"));
        assertEquals(3, body.getInt("totalPages"));
        assertEquals(newestFirst.subList(2, 4), page2.items().stream().map(p -> p.getInt("id")).toList());

        var links = page2.links();
        assertEquals(List.of("first", "prev", "next", "last"), new ArrayList<>(links.keySet()));
        for (String url : links.values()) {
            assertTrue(url.startsWith("http://"), url);
            assertTrue(url.contains("authorId=" + author) && url.contains("size=2"), url);
        }
        assertTrue(links.get("prev").endsWith("page=1"));
        assertTrue(links.get("next").endsWith("page=3"));
        assertTrue(links.get("last").endsWith("page=3"));
        assertEquals(newestFirst.subList(4, 5), ids(links.get("next")));

        Reply first = api.get("api/posts?authorId=" + author + "&size=2").expect(200);
        assertFalse(first.links().containsKey("prev"));
        Reply past = api.get("api/posts?authorId=" + author + "&size=2&page=9").expect(200);
        assertEquals(0, past.items().size());
        assertEquals(5, past.json().getInt("totalItems"));
        assertFalse(past.links().containsKey("next"));
    }

    @Test
    void defaultPageSizeIs20() {
        JsonObject page = api.get("api/posts").expect(200).json();
        assertEquals(1, page.getInt("page"));
        assertEquals(20, page.getInt("size"));
    }

    @Test
    void badListParametersAre400sNamingThem() {
        api.get("api/posts?colour=red").expectProblem(400, "colour");
        api.get("api/posts?status=deleted").expectProblem(400, "status");
        api.get("api/posts?sort=name").expectProblem(400, "sort");
        api.get("api/posts?categoryId=abc").expectProblem(400, "categoryId");
        api.get("api/posts?authorId=1.5").expectProblem(400, "authorId");
        api.get("api/posts?page=0").expectProblem(400, "page");
        api.get("api/posts?size=0").expectProblem(400, "size");
        api.get("api/posts?size=101").expectProblem(400, "size");
        api.get("api/posts?page=x&size=y").expectProblem(400, "page", "size");
        api.get("api/categories/1/posts?categoryId=2").expectProblem(400, "categoryId");
    }

    private List<Integer> ids(String pathOrUrl) {
        String path = pathOrUrl.startsWith("http") ? api.uri("/").relativize(java.net.URI.create(pathOrUrl)).toString() : pathOrUrl;
        return api.get(path).expect(200).items().stream().map(p -> p.getInt("id")).toList();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static List<Reply> concurrently(int n, Callable<Reply> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Reply>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<Reply> replies = new ArrayList<>();
            for (Future<Reply> f : futures) {
                replies.add(f.get());
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }
}
