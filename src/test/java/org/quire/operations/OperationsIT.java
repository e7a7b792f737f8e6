package org.quire.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quire.testing.Bodies.object;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.annotation.security.RolesAllowed;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quire.testing.Endpoint;
import org.quire.testing.ServedTests;
import org.quire.testing.ServerLog;

/**
 * What admins run Quire by: health (live while deployed; ready while the database answers with
 * every changeset applied), per-endpoint metrics, and the OpenAPI document.
 */
public abstract class OperationsIT extends ServedTests {

    @Test
    void liveAndReadyWithTheDatabaseUpAndTheSchemaCurrent() {
        JsonObject live = api.anonymous().get("health/live").expect(200).json();
        assertEquals("UP", live.getString("status"));
        JsonObject ready = api.anonymous().get("health/ready").expect(200).json();
        assertEquals("UP", ready.getString("status"));
        JsonObject database = ready.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("database")).findFirst().orElseThrow();
        // Payara writes health data values as strings.
        assertEquals("0", database.getJsonObject("data").get("pendingChangesets").toString().replace("\"", ""));
    }

    @Test
    void notReadyWhileAChangesetIsPending() throws Exception {
        try (var c = java.sql.DriverManager.getConnection(System.getenv("DB_URL"), System.getenv("DB_USER"), System.getenv("DB_PASSWORD"));
             var s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE saved AS SELECT * FROM databasechangelog WHERE id = '011-tag-v1'");
            s.execute("DELETE FROM databasechangelog WHERE id = '011-tag-v1'");
            try {
                JsonObject ready = api.anonymous().get("health/ready").expect(503).json();
                assertEquals("DOWN", ready.getString("status"));
            } finally {
                s.execute("INSERT INTO databasechangelog SELECT * FROM saved");
            }
        }
        api.anonymous().get("health/ready").expect(200);
    }

    @Test
    void theOpenApiDocumentPassesTheParserClientGeneratorsRun() {
        // YAML is the default (Payara labels it text/plain); JSON on request.
        for (String accept : List.of("*/*", "application/json")) {
            String document = api.anonymous().get("openapi", "Accept", accept).expect(200).body();
            ParseOptions options = new ParseOptions();
            options.setResolve(true);
            SwaggerParseResult parsed = new OpenAPIParser().readContents(document, null, options);
            assertEquals(List.of(), parsed.getMessages(), accept);
            assertNotNull(parsed.getOpenAPI(), accept);
        }
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpoint() {
        JsonObject paths = openApi().getJsonObject("paths");
        for (Endpoint endpoint : Endpoint.all()) {
            assertTrue(paths.containsKey(endpoint.template()), "no " + endpoint.template() + " in /openapi");
            assertTrue(paths.getJsonObject(endpoint.template()).containsKey(endpoint.verb().toLowerCase()), "no " + endpoint + " in /openapi");
        }
        assertEquals(Endpoint.all().stream().map(Endpoint::template).filter(t -> t.startsWith("/api/")).distinct().sorted().toList(),
                paths.keySet().stream().filter(t -> t.startsWith("/api/")).sorted().toList(), "no path the WAR does not serve");
    }

    @Test
    void everyEndpointDocumentsTheProblemsItCanAnswer() {
        JsonObject document = openApi();
        for (Endpoint endpoint : Endpoint.all()) {
            if (!endpoint.template().startsWith("/api/")) {
                continue;
            }
            JsonObject responses = document.getJsonObject("paths").getJsonObject(endpoint.template())
                    .getJsonObject(endpoint.verb().toLowerCase()).getJsonObject("responses");
            List<String> expected = new ArrayList<>(List.of("401", "406", "503"));
            if (endpoint.readsBody()) {
                expected.addAll(List.of("400", "413", "415"));
            }
            if (endpoint.template().contains("{")) {
                expected.add("404");
            }
            if (endpoint.method().isAnnotationPresent(RolesAllowed.class)) {
                expected.add("403");
            }
            for (String status : expected) {
                assertTrue(responses.containsKey(status), endpoint + " does not document " + status);
            }
            for (String status : responses.keySet()) {
                if (status.startsWith("4") || status.startsWith("5")) {
                    JsonObject response = resolve(document, responses.getJsonObject(status));
                    JsonObject schema = response.getJsonObject("content").getJsonObject("application/problem+json").getJsonObject("schema");
                    assertEquals("#/components/schemas/Problem", schema.getString("$ref"), endpoint + " " + status);
                }
            }
        }
        JsonObject problem = document.getJsonObject("components").getJsonObject("schemas").getJsonObject("Problem");
        assertEquals(Set.of("type", "title", "status", "detail", "instance"), problem.getJsonArray("required").getValuesAs(JsonString.class)
                .stream().map(JsonString::getString).collect(Collectors.toSet()));
        assertTrue(document.getJsonObject("paths").getJsonObject("/api/posts").getJsonObject("post").getJsonObject("responses").containsKey("409"));
    }

    @Test
    void jerseysWadlIsNotServed() {
        api.anonymous().get("openapi/application.wadl").expect(404);
        api.anonymous().get("api/application.wadl").expect(404);
    }

    private JsonObject openApi() {
        return api.anonymous().get("openapi", "Accept", "application/json").expect(200).json();
    }

    private static JsonObject resolve(JsonObject document, JsonObject response) {
        if (!response.containsKey("$ref")) {
            return response;
        }
        String name = response.getString("$ref").substring("#/components/responses/".length());
        return document.getJsonObject("components").getJsonObject("responses").getJsonObject(name);
    }

    @Test
    void metricsCountAndTimeEachEndpoint() {
        api.get("api/categories").expect(200);
        api.get("api/posts/2147483000").expectProblem(404);
        String metrics = api.anonymous().get("metrics?scope=application").expect(200).body();
        assertTrue(metrics.contains("quire_requests_seconds_count{endpoint=\"/api/categories\",method=\"GET\""),
                metrics);
        assertTrue(metrics.contains("endpoint=\"/api/posts/{id}\""), metrics);
    }

    @Test
    void metricsShowThePoolsConnectionsWithinItsBounds() {
        api.get("api/categories").expect(200);
        String metrics = api.anonymous().get("metrics?scope=application").expect(200).body();
        long open = gauge(metrics, "quire_pool_connections{mp_scope=\"application\",state=\"open\"}");
        long inUse = gauge(metrics, "quire_pool_connections{mp_scope=\"application\",state=\"in_use\"}");
        long idle = gauge(metrics, "quire_pool_connections{mp_scope=\"application\",state=\"idle\"}");
        assertTrue(open >= 1 && open <= 15, "open connections: " + open + " (the pool holds 1..15)");
        assertEquals(open, inUse + idle);
    }

    /**
     * What a start tells the admin is worth reading: no error, no warning but Payara Micro's own
     * about unpacking itself into a temporary folder, and no "invalid configuration" notice.
     */
    @Test
    void theStartLogsNothingAnAdminMustLookInto() {
        List<String> start = ServerLog.recordsSince(0).stream().takeWhile(r -> !r.contains(" ready in ")).toList();
        assertTrue(start.stream().anyMatch(r -> r.contains("Quire: database schema")), () -> "the start is not in the log:\n" + String.join("\n", start));
        List<String> alarming = start.stream()
                .filter(r -> r.contains("[SEVERE]") || r.contains("Invalid")
                        || r.contains("[WARNING]") && !r.contains("Runtime directory is located in a temporary file location"))
                .toList();
        assertEquals(List.of(), alarming);
    }

    /**
     * A client that gives up mid-answer (a timeout, a load test's end) is no error of the service:
     * one line in the request log, no stack trace, and the next request is served as before.
     */
    @Test
    void aClientThatHangsUpMidAnswerCostsOneLogLineAndNoStackTrace() throws Exception {
        int category = newCategory("Hang-up");
        // Ten posts of a million characters: a page of them is far more than the sockets between
        // the two ends hold, so the server is still writing when the connection is gone.
        String content = "x".repeat(1_000_000);
        List<Integer> posts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            posts.add(api.post("api/posts", object("title", "Long " + i, "content", content, "status", "published", "categoryId", category))
                    .expect(201).json().getInt("id"));
        }
        try {
            hangUpOnAPageOf(category);
        } finally {
            // Other tests list the newest posts; ten megabytes on top of them would only slow those down.
            posts.forEach(id -> api.delete("api/posts/" + id).expect(204));
        }
    }

    private void hangUpOnAPageOf(int category) throws Exception {
        String page = "/api/posts?categoryId=" + category + "&size=10";
        long logStart = ServerLog.size();

        try (Socket client = new Socket()) {
            client.connect(new InetSocketAddress(server().getHost(), server().getPort()), 10_000);
            client.getOutputStream().write(("GET " + page + " HTTP/1.1\r\nHost: " + server().getHost()
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        } // hung up: the server reads the request, then finds nobody there to take the answer

        String line = null;
        for (long deadline = System.nanoTime() + 30_000_000_000L; line == null && System.nanoTime() < deadline; ) {
            line = ServerLog.recordsSince(logStart).stream().filter(r -> r.contains("GET /api/posts 200 not delivered"))
                    .findFirst().orElse(null);
            if (line == null) {
                Thread.sleep(200);
            }
        }
        assertNotNull(line, () -> "no request-log line for the hang-up in:\n" + String.join("\n", ServerLog.recordsSince(logStart)));
        assertTrue(line.contains("[INFO]") && line.contains("[quire.requests]"), line);
        assertEquals(List.of(), ServerLog.stackTracesSince(logStart), "a client's hang-up must not log stack traces");
        assertEquals(List.of(), ServerLog.recordsSince(logStart).stream().filter(r -> r.contains("[SEVERE]") || r.contains("[WARNING]")).toList());
        assertEquals(10, api.anonymous().get(page.substring(1)).expect(200).json().getJsonArray("items").size());
    }

    private static long gauge(String metrics, String series) {
        return metrics.lines().filter(l -> l.startsWith(series + " ")).map(l -> (long) Double.parseDouble(l.substring(series.length() + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no " + series + " in\n" + metrics));
    }
}
