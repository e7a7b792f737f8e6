package org.quire.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.quire.testing.Bodies.object;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quire.testing.KeyServer;
import org.quire.testing.QuireApi;
import org.quire.testing.Reply;
import org.quire.testing.StandaloneQuire;
import org.quire.testing.Tokens;
import org.quire.tools.dev.Jwt;
import org.quire.tools.dev.LocalPostgres;
import org.quire.tools.dev.PayaraMicroProcess;

/**
 * The identity provider's key changes under a running server, which needs no restart for it: a
 * replaced key stops being trusted, although the server had verified and remembered tokens signed
 * with it, and its successor starts being trusted, both within a bounded time; while the key
 * cannot be read at all (the provider down), bearer tokens get a 401, never a 500, until it can.
 * Its own Payara Micro trusts a JWKS that the test serves with a Cache-Control max-age, as identity
 * providers serve theirs; the server's token memory and Payara's verifier both read it again on
 * that schedule.
 */
class KeyRotationIT {

    private static final int MAX_AGE_SECONDS = 5;
    /** A change is seen within one check (5 s), and forgotten once more when the verifier's own copy has expired. */
    private static final Duration CHANGED_WITHIN = Duration.ofSeconds(30);

    private static Path dir;
    private static KeyServer jwks;
    private static LocalPostgres postgres;
    private static StandaloneQuire quire;

    @BeforeAll
    static void startQuireTrustingAJwks() throws Exception {
        dir = StandaloneQuire.workingDirectory("key-rotation");
        jwks = KeyServer.serving(Jwt.jwks(newKey("first")), MAX_AGE_SECONDS);
        postgres = LocalPostgres.start(dir.resolve("postgres"), PayaraMicroProcess.freePort(), true);
        quire = StandaloneQuire.start(postgres, dir, Map.of("MP_JWT_VERIFY_PUBLICKEY_LOCATION", jwks.url()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (quire != null) {
            quire.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (jwks != null) {
            jwks.close();
        }
    }

    @Test
    void aReplacedKeyStopsBeingTrustedAndItsSuccessorStartsBeing() throws Exception {
        Path oldKey = newKey("old");
        Path newKey = newKey("new");
        QuireApi signedWithOldKey = quire.api().as(editorToken(oldKey));
        QuireApi signedWithNewKey = quire.api().as(editorToken(newKey));
        jwks.publish(Jwt.jwks(oldKey));
        awaitStatus(signedWithOldKey, 200);
        for (int i = 0; i < 3; i++) {
            signedWithOldKey.get("api/categories").expect(200);
        }
        signedWithNewKey.get("api/categories").expectProblem(401);
        int changesLogged = logged("changed; tokens verified with the previous one are verified again");

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
        String name = "Signed with a retired key " + QuireApi.unique();
        signedWithOldKey.post("api/categories", object("name", name)).expectProblem(401);
        assertNotStored(name);
        awaitLogged("changed; tokens verified with the previous one are verified again", changesLogged + 1);
    }

    @Test
    void whileTheKeyCannotBeReadTokensAreRefusedAndServedAgainOnceItCan() throws Exception {
        Path key = newKey("steady");
        QuireApi signed = quire.api().as(editorToken(key));
        jwks.publish(Jwt.jwks(key));
        awaitStatus(signed, 200);
        int outagesLogged = logged("cannot be read now");
        int recoveriesLogged = logged("can be read again");

        jwks.withhold();

        awaitStatus(signed, 401);
        String name = "Written while the key was away " + QuireApi.unique();
        signed.post("api/categories", object("name", name)).expectProblem(401);
        quire.api().anonymous().get("api/categories").expect(200);

        jwks.publish(Jwt.jwks(key));

        awaitStatus(signed, 200);
        assertNotStored(name);
        // One line for the outage and one for its end, however many checks it lasted.
        awaitLogged("can be read again", recoveriesLogged + 1);
        assertEquals(outagesLogged + 1, logged("cannot be read now"));
        assertEquals(recoveriesLogged + 1, logged("can be read again"));
    }

    private static Path newKey(String name) throws Exception {
        Path key = dir.resolve(name + "-key-" + QuireApi.unique());
        Jwt.ensureKeyPair(key);
        return key;
    }

    private static String editorToken(Path keyDir) throws Exception {
        return Jwt.sign(Tokens.claims(List.of("editor")), Jwt.privateKey(keyDir));
    }

    private static void assertNotStored(String name) throws Exception {
        List<String> names = Reply.strings(quire.api().anonymous().get("api/categories?size=100").expect(200).items(), "name");
        assertEquals(List.of(), names.stream().filter(name::equals).toList(), "a write with a refused token stored nothing");
    }

    /** How many lines of the server's log say {@code what} of the token key. */
    private static int logged(String what) throws Exception {
        String line = "Quire: the token key at " + jwks.url() + " " + what;
        return (int) quire.logText().lines().filter(l -> l.contains(line)).count();
    }

    private static void awaitLogged(String what, int times) throws Exception {
        // The log follows the server's own check of the key, which may come a little after Payara's.
        long deadline = System.nanoTime() + CHANGED_WITHIN.toNanos();
        while (logged(what) < times) {
            if (System.nanoTime() > deadline) {
                fail("the server's log does not say '" + what + "' " + times + " times: " + quire.log);
            }
            Thread.sleep(500);
        }
    }

    /** Waits for the server to answer {@code status}; on the way only 200s and problem 401s are fine. */
    private static void awaitStatus(QuireApi api, int status) throws InterruptedException {
        long deadline = System.nanoTime() + CHANGED_WITHIN.toNanos();
        for (Reply reply = api.get("api/categories"); reply.status() != status; reply = api.get("api/categories")) {
            if (reply.status() == 401) {
                reply.expectProblem(401);
            } else {
                reply.expect(200);
            }
            if (System.nanoTime() > deadline) {
                fail("still not " + status + " " + CHANGED_WITHIN + " after the key changed");
            }
            Thread.sleep(500);
        }
    }
}
