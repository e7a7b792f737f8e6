package org.quire.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.HttpMethod;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import org.quire.categories.CategoriesResource;
import org.quire.posts.CategoryPostsResource;
import org.quire.posts.PostsResource;
import org.quire.schema.SchemaResource;
import org.quire.users.UsersResource;
import org.junit.jupiter.api.Test;
import org.quire.testing.QuireIT;

/**
 * What admins run Quire by: health (live while deployed; ready while the database answers with
 * every changeset applied), per-endpoint metrics, and the OpenAPI document.
 */
class OperationsIT extends QuireIT {

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
    void theOpenApiDocumentDescribesEveryEndpointAndTheProblemShape() {
        JsonObject document = api.anonymous().get("openapi", "Accept", "application/json").expect(200).json();
        JsonObject paths = document.getJsonObject("paths");
        for (Class<?> resource : List.of(PostsResource.class, CategoryPostsResource.class, CategoriesResource.class, UsersResource.class, SchemaResource.class)) {
            for (Method method : resource.getDeclaredMethods()) {
                for (Annotation annotation : method.getAnnotations()) {
                    HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
                    if (verb != null) {
                        String path = RequestMetrics.template(resource, method);
                        assertTrue(paths.containsKey(path), "no " + path + " in /openapi");
                        assertTrue(paths.getJsonObject(path).containsKey(verb.value().toLowerCase()), "no " + verb.value() + " " + path + " in /openapi");
                    }
                }
            }
        }
        JsonObject problem = document.getJsonObject("components").getJsonObject("schemas").getJsonObject("Problem");
        assertEquals(List.of("type", "title", "status", "detail", "instance"), problem.getJsonArray("required").getValuesAs(JsonString.class)
                .stream().map(JsonString::getString).toList());
        assertTrue(paths.getJsonObject("/api/posts").getJsonObject("post").getJsonObject("responses").containsKey("409"));
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

    private static long gauge(String metrics, String series) {
        return metrics.lines().filter(l -> l.startsWith(series + " ")).map(l -> (long) Double.parseDouble(l.substring(series.length() + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no " + series + " in\n" + metrics));
    }
}
