package org.quire.schema;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.quire.tools.dev.LocalPostgres;
import org.quire.testing.StandaloneQuire;

/**
 * A migration that cannot run fails the deployment loudly: the log says so, and the server serves
 * nothing of Quire (no 200, no data) rather than answering on a stale schema. Its own PostgreSQL,
 * with a table in the way of the first changeset, and its own Payara Micro.
 */
class FailedMigrationIT {

    @Test
    void aFailedMigrationLeavesNothingServedAndSaysWhy() throws Exception {
        Path dir = StandaloneQuire.workingDirectory("failed-migration");
        try (LocalPostgres postgres = LocalPostgres.start(dir.resolve("postgres"), 0, false)) {
            try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), LocalPostgres.USER, LocalPostgres.PASSWORD);
                 Statement s = c.createStatement()) {
                s.execute("CREATE TABLE categories (id integer)");
            }
            try (StandaloneQuire quire = StandaloneQuire.start(postgres, dir)) {
                String log = quire.logText();
                assertTrue(log.contains("QUIRE SCHEMA MIGRATION FAILED"), "the log names the failure: " + quire.log);
                assertTrue(log.contains("categories"), "the log names the cause: " + quire.log);
                HttpResponse<String> answer = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + quire.port + "/api/categories")).build(),
                        HttpResponse.BodyHandlers.ofString());
                // Payara answers for the failed module itself (404 or a bare 500): never Quire's 200.
                assertNotEquals(200, answer.statusCode(), "nothing of Quire is served: " + answer.body());
                assertTrue(!answer.body().contains("\"items\""), answer.body());
            }
        }
    }
}
