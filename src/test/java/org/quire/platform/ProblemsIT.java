package org.quire.platform;

import static org.quire.testing.Bodies.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.quire.testing.QuireApi;
import org.quire.testing.ServedTests;

/** Every error the contract lists comes back as application/problem+json, with nothing of the inside in it. */
public abstract class ProblemsIT extends ServedTests {

    @Test
    void unknownPathUnderTheApiIsA404Problem() {
        api.get("api/no-such-thing").expectProblem(404);
        api.get("api/posts/not-a-number").expectProblem(404);
    }

    @Test
    void unknownPathOutsideTheApiIsA404ProblemToo() {
        JsonObject problem = api.get("no-such-page").expectProblem(404);
        assertEquals("/no-such-page", problem.getString("instance"));
    }

    @Test
    void unknownIdIsA404Problem() {
        JsonObject problem = api.get("api/posts/2147483000").expectProblem(404);
        assertEquals("/api/posts/2147483000", problem.getString("instance"));
        api.get("api/categories/2147483000").expectProblem(404);
        api.get("api/users/2147483000").expectProblem(404);
        api.get("api/posts/by-slug/no-such-slug-" + QuireApi.unique()).expectProblem(404);
    }

    @Test
    void wrongMethodIsA405WithAllow() {
        var reply = api.send("PUT", "api/posts", "application/json", object());
        reply.expectProblem(405);
        String allow = reply.header("Allow");
        assertTrue(allow != null && allow.contains("GET") && allow.contains("POST"), "Allow: " + allow);
    }

    @Test
    void unmeetableAcceptIsA406() {
        api.get("api/categories", "Accept", "application/xml").expectProblem(406);
    }

    @Test
    void nonJsonBodyIsA415() {
        api.send("POST", "api/categories", "text/plain", "name=x").expectProblem(415);
        api.send("PATCH", "api/posts/1", "application/json", object()).expectProblem(415);
    }

    @Test
    void malformedJsonIsA400NamingTheBody() {
        api.post("api/categories", "{\"name\": ").expectProblem(400, "body");
        api.post("api/categories", "[1, 2]").expectProblem(400, "body");
        api.post("api/categories", "").expectProblem(400, "body");
    }

    @Test
    void wrongJsonTypeIsA400NamingTheField() {
        api.post("api/categories", object("name", 42)).expectProblem(400, "name");
        api.post("api/posts", object("title", "t", "content", "c", "categoryId", "three")).expectProblem(400, "categoryId");
    }

    @Test
    void unknownFieldIsA400NamingIt() {
        JsonObject problem = api.post("api/categories", object("name", "n-" + QuireApi.unique(), "colour", "red"))
                .expectProblem(400, "colour");
        assertTrue(problem.getString("detail").contains("colour"));
    }

    @Test
    void oversizedBodyIsA413AndStoresNothing() {
        long before = api.get("api/categories").expect(200).json().getJsonNumber("totalItems").longValue();
        String huge = "x".repeat(StrictJson.MAX_BYTES + 1);
        api.post("api/categories", object("name", "big " + QuireApi.unique(), "description", huge))
                .expectProblem(413);
        assertEquals(before, api.get("api/categories").json().getJsonNumber("totalItems").longValue());
    }
}
