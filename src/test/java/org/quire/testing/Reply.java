package org.quire.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** One HTTP answer, with the checks every test of the contract makes on it. */
public record Reply(int status, HttpHeaders headers, String body) {

    private static final Pattern LINK = Pattern.compile("<([^>]*)>;\\s*rel=\"([a-z]+)\"");

    public JsonObject json() {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public Reply expect(int expected) {
        assertEquals(expected, status, () -> "unexpected status; body: " + body);
        return this;
    }

    /** The RFC 9457 shape, nothing of the inside leaking out, and the fields named in errors[]. */
    public JsonObject expectProblem(int expected, String... fields) {
        expect(expected);
        assertTrue(header("Content-Type").startsWith("application/problem+json"), "problem content type, got " + header("Content-Type"));
        JsonObject problem = json();
        assertEquals(expected, problem.getInt("status"));
        assertEquals("about:blank", problem.getString("type"));
        assertFalse(problem.getString("title").isBlank());
        assertFalse(problem.getString("detail").isBlank());
        assertTrue(problem.containsKey("instance"));
        assertNoLeaks();
        if (fields.length > 0) {
            assertEquals(List.of(fields).stream().sorted().toList(), errorFields(problem).stream().sorted().toList(), body);
        }
        return problem;
    }

    public void assertNoLeaks() {
        String lower = body.toLowerCase();
        for (String leak : List.of("exception", "org.", "java.", "jakarta.", "select ", "insert ", "update ", "sqlstate",
                "_fkey", "_key", "ix_", "fk_", "at org", "stack")) {
            assertFalse(lower.contains(leak), () -> "response leaks '" + leak + "': " + body);
        }
    }

    public static List<String> errorFields(JsonObject problem) {
        JsonArray errors = problem.getJsonArray("errors");
        return errors == null ? List.of() : errors.stream().map(e -> e.asJsonObject().getString("field")).toList();
    }

    /** rel → URL of the Link header. */
    public Map<String, String> links() {
        String header = header("Link");
        assertTrue(header != null, "Link header missing");
        Matcher m = LINK.matcher(header);
        Map<String, String> links = new java.util.LinkedHashMap<>();
        while (m.find()) {
            links.put(m.group(2), m.group(1));
        }
        return links;
    }

    /** The SQL statements the request ran (the ITs' servers report them; see SqlStatements). */
    public int sqlStatements() {
        String count = header("X-Quire-SQL-Statements");
        assertTrue(count != null, "no X-Quire-SQL-Statements header: is quire.diagnostics.sql-statements on?");
        return Integer.parseInt(count);
    }

    /** Asserts the request ran exactly the statements its kind is budgeted; returns this reply. */
    public Reply expectStatements(StatementBudget budget) {
        assertEquals(budget.statements, sqlStatements(), budget + " runs " + budget.statements + " SQL statements");
        return this;
    }

    public List<JsonObject> items() {
        return json().getJsonArray("items").stream().map(v -> v.asJsonObject()).collect(Collectors.toList());
    }

    public static List<String> strings(List<JsonObject> items, String field) {
        return items.stream().map(i -> ((JsonString) i.get(field)).getString()).toList();
    }
}
