package org.quire.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * How often the trusted key is read again, and when what an old key vouched for is forgotten:
 * not only when the change is seen, but until the container's verifier, which keeps its own copy
 * of the key for a while, can no longer be vouching with the old one.
 */
class TrustedKeyTest {

    private static final long MINUTE = 60_000;

    @Test
    void aKeyIsReadAgainEveryMinuteUnlessItsServerAsksSooner() {
        assertEquals(60_000, TrustedKey.checkAgainAfterMillis(List.of()));
        assertEquals(60_000, TrustedKey.checkAgainAfterMillis(List.of("no-cache")));
        assertEquals(60_000, TrustedKey.checkAgainAfterMillis(List.of("public, max-age=86400")));
        assertEquals(30_000, TrustedKey.checkAgainAfterMillis(List.of("public, max-age=30, must-revalidate")));
        assertEquals(20_000, TrustedKey.checkAgainAfterMillis(List.of("max-age=45", "Max-Age=20")), "the smallest max-age, as Payara takes it");
    }

    @Test
    void aKeyServerCannotMakeTheCheckRunInALoop() {
        assertEquals(5_000, TrustedKey.checkAgainAfterMillis(List.of("max-age=0")));
        assertEquals(5_000, TrustedKey.checkAgainAfterMillis(List.of("max-age=1")));
        assertEquals(60_000, TrustedKey.checkAgainAfterMillis(List.of("max-age=-5", "max-age=soon")), "what is not a max-age is ignored");
    }

    @Test
    void payarasVerifierIsToldToKeepAKeyNoLongerThanTheServerWaitsToReadItAgain() throws Exception {
        Properties settings = new Properties();
        try (InputStream in = TrustedKey.class.getResourceAsStream("/payara-mp-jwt.properties")) {
            settings.load(in);
        }
        assertEquals(TrustedKey.CHECK_EVERY_MILLIS, Long.parseLong(settings.getProperty("publicKey.cache.ttl")));
    }

    @Test
    void aJwksWrittenOutDifferentlyIsTheSameKey() {
        String jwks = "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"k1\",\"n\":\"AQAB\",\"e\":\"AQAB\"}]}";
        String respaced = "{ \"keys\": [ { \"e\": \"AQAB\", \"n\": \"AQAB\",\n \"kid\": \"k1\", \"kty\": \"RSA\" } ] }";
        assertTrue(TrustedKey.sameKey(respaced, jwks));
        assertFalse(TrustedKey.sameKey(jwks.replace("k1", "k2"), jwks), "another key id");
        assertFalse(TrustedKey.sameKey(jwks.replace("\"n\":\"AQAB\"", "\"n\":\"AQAC\""), jwks), "another modulus");
        assertFalse(TrustedKey.sameKey(jwks, null), "no key before");
        assertFalse(TrustedKey.sameKey("{ not json", "{ not json either"));
    }

    @Test
    void aPemIsTheSameKeyOnlyAsTheSameText() {
        String pem = "-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n";
        assertTrue(TrustedKey.sameKey(pem, pem));
        assertFalse(TrustedKey.sameKey(pem.replace("MIIB", "MIIC"), pem));
    }

    @Test
    void nothingIsForgottenWhileTheKeyStaysTheSame() {
        TrustedKey.KeyChanges changes = new TrustedKey.KeyChanges();
        assertFalse(changes.checked(0, false, MINUTE));
        for (long at = MINUTE; at <= 10 * MINUTE; at += MINUTE) {
            assertFalse(changes.checked(at, false, MINUTE), "check at " + at);
        }
    }

    @Test
    void aChangedKeyIsForgottenAtOnceAndAgainOnceTheVerifierCanNoLongerHoldTheOldOne() {
        TrustedKey.KeyChanges changes = new TrustedKey.KeyChanges();
        changes.checked(0, false, MINUTE);
        assertTrue(changes.checked(MINUTE, true, MINUTE), "the check that sees the change");
        // The verifier may have vouched with its old copy until a minute after the change was seen.
        assertTrue(changes.checked(2 * MINUTE, false, MINUTE));
        assertFalse(changes.checked(3 * MINUTE, false, MINUTE), "everything since the previous check was verified with the new key");
        assertFalse(changes.checked(4 * MINUTE, false, MINUTE));
    }

    @Test
    void checksSoonerThanTheVerifierReadsKeepForgettingUntilItHasReadTheNewKey() {
        TrustedKey.KeyChanges changes = new TrustedKey.KeyChanges();
        changes.checked(0, false, MINUTE);
        assertTrue(changes.checked(5_000, true, MINUTE));
        for (long at = 10_000; at <= 65_000; at += 5_000) {
            assertTrue(changes.checked(at, false, MINUTE), "check at " + at + " ms: the previous one was inside the verifier's minute");
        }
        assertFalse(changes.checked(70_000, false, MINUTE));
    }

    @Test
    void aKeyThatCannotBeReadIsForgottenAtEveryCheck() {
        TrustedKey.KeyChanges changes = new TrustedKey.KeyChanges();
        changes.checked(0, false, MINUTE);
        for (long at = MINUTE; at <= 5 * MINUTE; at += MINUTE) {
            assertTrue(changes.checked(at, true, MINUTE), "check at " + at);
        }
    }
}
