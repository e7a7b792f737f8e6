package org.quire.operations;

import static org.quire.testing.Bodies.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.quire.tools.dev.LocalPostgres;
import org.quire.tools.dev.PayaraMicroProcess;
import org.quire.testing.QuireApi;
import org.quire.testing.Reply;
import org.quire.testing.StandaloneQuire;
import org.quire.testing.Tokens;

/**
 * The seed's pool_pre_ping promise, proven by stopping and restarting a real PostgreSQL under a
 * running Quire: while it is down, requests get 503 with Retry-After within a bounded time and
 * readiness is DOWN; once it is back, the service recovers by itself with nothing committed lost.
 * It runs its own PostgreSQL and its own Payara Micro, so it can stop the one without touching
 * the database the other ITs use.
 */
class DatabaseOutageIT {

    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(15);
    private static final Duration RECOVER_WITHIN = Duration.ofSeconds(30);

    @Test
    void aStoppedDatabaseGives503sAndTheServiceRecoversWhenItReturns() throws Exception {
        Path dir = StandaloneQuire.workingDirectory("outage");
        int databasePort = PayaraMicroProcess.freePort();
        // Not "fresh": a fresh server deletes its data when stopped, and this one must come back with it.
        LocalPostgres postgres = LocalPostgres.start(dir.resolve("postgres"), databasePort, false);
        try (StandaloneQuire quire = StandaloneQuire.start(postgres, dir)) {
            QuireApi api = quire.api().as(Tokens.editor());
            int category = api.post("api/categories", object("name", "Before the outage")).expect(201).json().getInt("id");
            api.get("health/ready").expect(200);

            postgres.close();

            Reply read = timed(() -> api.get("api/categories"));
            read.expectProblem(503);
            assertTrue(Integer.parseInt(read.header("Retry-After")) > 0);
            timed(() -> api.post("api/categories", object("name", "During the outage"))).expectProblem(503);
            timed(() -> api.get("api/posts/1")).expectProblem(503);
            assertEquals(503, timed(() -> api.get("health/ready")).status(), "readiness is DOWN while the database is");
            api.get("health/live").expect(200);

            postgres = LocalPostgres.start(dir.resolve("postgres"), databasePort, false);

            long deadline = System.nanoTime() + RECOVER_WITHIN.toNanos();
            while (api.get("api/categories").status() != 200) {
                if (System.nanoTime() > deadline) {
                    fail("Quire did not recover within " + RECOVER_WITHIN + " of the database's return");
                }
                Thread.sleep(500);
            }
            assertEquals("Before the outage", api.get("api/categories/" + category).expect(200).json().getString("name"));
            api.post("api/categories", object("name", "After the outage")).expect(201);
            api.get("health/ready").expect(200);
        } finally {
            postgres.close();
        }
    }

    private static Reply timed(Supplier<Reply> request) {
        long start = System.nanoTime();
        Reply reply = request.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(ANSWER_WITHIN) < 0, "answered after " + took + ", more than " + ANSWER_WITHIN);
        return reply;
    }
}
