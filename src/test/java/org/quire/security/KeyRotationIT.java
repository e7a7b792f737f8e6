package org.quire.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quire.testing.Bodies.object;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quire.testing.KeyServer;
import org.quire.testing.QuireApi;
import org.quire.testing.StandaloneQuire;
import org.quire.testing.Tokens;
import org.quire.tools.dev.Jwt;
import org.quire.tools.dev.LocalPostgres;

/**
 * An identity provider replaces its signing key: a token signed with the old key stops being
 * accepted, although the server had verified it and remembers verified tokens, and one signed
 * with the new key starts being accepted, both within a bounded time and with no restart. Its own
 * Payara Micro trusts a JWKS that the test serves with a Cache-Control max-age, as identity
 * providers serve theirs; both the server's token memory and Payara's verifier read it again on
 * that schedule.
 */
class KeyRotationIT {

    private static final int MAX_AGE_SECONDS = 5;
    /** A change seen within one check (5 s), then forgotten once more after the verifier's own copy expired. */
    private static final Duration ROTATED_WITHIN = Duration.ofSeconds(30);

    @Test
    void aReplacedKeyStopsBeingTrustedAndItsSuccessorStartsBeing() throws Exception {
        Path dir = StandaloneQuire.workingDirectory("key-rotation");
        Path oldKey = dir.resolve("old-key");
        Path newKey = dir.resolve("new-key");
        Jwt.ensureKeyPair(oldKey);
        Jwt.ensureKeyPair(newKey);
        try (KeyServer jwks = KeyServer.serving(Jwt.jwks(oldKey), MAX_AGE_SECONDS);
                LocalPostgres postgres = LocalPostgres.start(dir.resolve("postgres"), StandaloneQuire.freePort(), true);
                StandaloneQuire quire = StandaloneQuire.start(postgres, dir, Map.of("MP_JWT_VERIFY_PUBLICKEY_LOCATION", jwks.url()))) {
            QuireApi signedWithOldKey = quire.api().as(editorToken(oldKey));
            QuireApi signedWithNewKey = quire.api().as(editorToken(newKey));
            for (int i = 0; i < 3; i++) {
                signedWithOldKey.get("api/categories").expect(200);
            }
            signedWithNewKey.get("api/categories").expectProblem(401);

            jwks.publish(Jwt.jwks(newKey));

            awaitStatus(signedWithOldKey, 401);
            awaitStatus(signedWithNewKey, 200);
            // Refused for good, not just until the next check: past two more of them.
            long until = System.nanoTime() + Duration.ofSeconds(2L * MAX_AGE_SECONDS + 2).toNanos();
            while (System.nanoTime() < until) {
                signedWithOldKey.get("api/categories").expectProblem(401);
                signedWithNewKey.get("api/categories").expect(200);
                Thread.sleep(1_000);
            }
            signedWithOldKey.post("api/categories", object("name", "Signed with a retired key")).expectProblem(401);
            assertEquals(0, signedWithNewKey.get("api/categories").expect(200).json().getInt("totalItems"),
                    "nothing was written with the retired key");
        }
    }

    private static String editorToken(Path keyDir) throws Exception {
        return Jwt.sign(Tokens.claims(List.of("editor")), Jwt.privateKey(keyDir));
    }

    private static void awaitStatus(QuireApi api, int status) throws InterruptedException {
        long deadline = System.nanoTime() + ROTATED_WITHIN.toNanos();
        while (api.get("api/categories").status() != status) {
            if (System.nanoTime() > deadline) {
                fail("still not " + status + " " + ROTATED_WITHIN + " after the key was replaced");
            }
            Thread.sleep(500);
        }
    }
}
