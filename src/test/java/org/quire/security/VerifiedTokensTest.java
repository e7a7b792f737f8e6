package org.quire.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/**
 * What the server remembers of a verified bearer token, and when it asks the container again.
 * The clock and the key's generation are the test's, so time passes and keys change on demand.
 */
class VerifiedTokensTest {

    private static final long NOW = 1_800_000_000_000L;
    private static final String TOKEN = "header.payload.signature";

    private final AtomicLong clock = new AtomicLong(NOW);
    private final AtomicLong keyGeneration = new AtomicLong(1);
    private final AtomicInteger verifications = new AtomicInteger();
    private final VerifiedTokens tokens = new VerifiedTokens(new TokenWindow.Rules(0, null), keyGeneration::get, clock::get);

    /** The container's verdict: VALID for a token issued a minute ago that expires in {@code expiresInSeconds}. */
    private Supplier<CredentialValidationResult> valid(long expiresInSeconds) {
        long now = NOW / 1000;
        return verdict(new CredentialValidationResult(new Token(Map.of("iat", now - 60, "exp", now + expiresInSeconds)), Set.of("editor")));
    }

    private Supplier<CredentialValidationResult> verdict(CredentialValidationResult result) {
        return () -> {
            verifications.incrementAndGet();
            return result;
        };
    }

    @Test
    void aValidTokenIsVerifiedOnceAndThenAnsweredFromMemory() {
        CredentialValidationResult first = tokens.validate(TOKEN, valid(3600));
        clock.addAndGet(30_000);
        assertSame(first, tokens.validate(TOKEN, valid(3600)));
        assertSame(first, tokens.remembered(TOKEN));
        assertEquals(1, verifications.get());
    }

    @Test
    void aTokenNeverVerifiedIsNotRemembered() {
        assertNull(tokens.remembered(TOKEN));
        tokens.validate("another.token.entirely", valid(3600));
        assertNull(tokens.remembered(TOKEN));
    }

    @Test
    void onlyTheVeryTokenThatVerifiedIsRemembered() {
        tokens.validate(TOKEN, valid(3600));
        assertNull(tokens.remembered("header.payload.signaturE"));
        assertNull(tokens.remembered(TOKEN + "x"));
        assertNull(tokens.remembered(TOKEN.substring(1)));
        assertEquals(CredentialValidationResult.Status.INVALID,
                tokens.validate("header.payload.signaturE", verdict(CredentialValidationResult.INVALID_RESULT)).getStatus());
        assertEquals(2, verifications.get());
    }

    @Test
    void aFailedVerificationIsNeverRemembered() {
        assertEquals(CredentialValidationResult.Status.INVALID,
                tokens.validate(TOKEN, verdict(CredentialValidationResult.INVALID_RESULT)).getStatus());
        assertNull(tokens.remembered(TOKEN));
        tokens.validate(TOKEN, verdict(CredentialValidationResult.NOT_VALIDATED_RESULT));
        assertNull(tokens.remembered(TOKEN));
        assertEquals(2, verifications.get());
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() {
        tokens.validate(TOKEN, valid(10));
        clock.addAndGet(10_000);
        assertNull(tokens.remembered(TOKEN), "expired while remembered");
        assertEquals(CredentialValidationResult.Status.INVALID, tokens.validate(TOKEN, valid(10)).getStatus(),
                "the container's VALID does not outlive the token's exp");
    }

    @Test
    void aTokenIsSentBackToTheContainerAfterAMinute() {
        tokens.validate(TOKEN, valid(3600));
        clock.addAndGet(VerifiedTokens.REVERIFY_AFTER_MILLIS);
        assertNull(tokens.remembered(TOKEN));
        tokens.validate(TOKEN, valid(3600));
        assertEquals(2, verifications.get());
    }

    @Test
    void everythingIsForgottenWhenTheTrustedKeyChanges() {
        tokens.validate(TOKEN, valid(3600));
        keyGeneration.incrementAndGet();
        assertNull(tokens.remembered(TOKEN));
        assertEquals(CredentialValidationResult.Status.INVALID,
                tokens.validate(TOKEN, verdict(CredentialValidationResult.INVALID_RESULT)).getStatus(),
                "a token the new key does not verify is refused");
    }

    @Test
    void aTokenThatIsNotValidYetIsRefusedAlthoughTheContainerAcceptsIt() {
        long now = NOW / 1000;
        long notBefore = now + TokenWindow.Rules.NOT_BEFORE_TOLERANCE_SECONDS + 60;
        CredentialValidationResult early = new CredentialValidationResult(
                new Token(Map.of("iat", now, "nbf", notBefore, "exp", now + 3600)), Set.of("editor"));
        assertEquals(CredentialValidationResult.Status.INVALID, tokens.validate(TOKEN, verdict(early)).getStatus());
        assertNull(tokens.remembered(TOKEN));
    }

    @Test
    void theTokenAgeSettingEndsATokensUseBeforeItsExpiry() {
        VerifiedTokens withAge = new VerifiedTokens(new TokenWindow.Rules(0, 120L), keyGeneration::get, clock::get);
        long now = NOW / 1000;
        withAge.validate(TOKEN, verdict(new CredentialValidationResult(
                new Token(Map.of("iat", now - 90, "exp", now + 3600)), Set.of("editor"))));
        clock.addAndGet(29_000);
        assertEquals(CredentialValidationResult.Status.VALID, withAge.remembered(TOKEN).getStatus());
        clock.addAndGet(1_000);
        assertNull(withAge.remembered(TOKEN), "issued 120 s ago: too old, though exp is an hour away");
    }

    /** A verified token as Payara's verifier hands it over: a caller principal that is also a JsonWebToken. */
    private static final class Token extends CallerPrincipal implements JsonWebToken {
        private final Map<String, Object> claims;

        Token(Map<String, Object> claims) {
            super("caller");
            this.claims = claims;
        }

        @Override
        public Set<String> getClaimNames() {
            return claims.keySet();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return (T) claims.get(claimName);
        }
    }
}
