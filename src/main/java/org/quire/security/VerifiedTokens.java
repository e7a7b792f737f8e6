package org.quire.security;

import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Bearer tokens this server has verified, so that a client sending the same token on every request
 * pays for one signature check a minute instead of one per request. Payara's MP-JWT parses the
 * token, rebuilds the trusted key from its PEM or JWKS and checks the RSA signature on every call,
 * and caches nothing; this sits in front of it: {@link BearerTokenAuthModule} answers a remembered
 * token without it, {@link VerifiedTokenCache} remembers what it verifies.
 * <ul>
 * <li>Keyed by the whole token, matched exactly. The token is kept no longer than the verdict that
 * already carries it (MP-JWT's principal holds it as {@code raw_token}). A SHA-256 key took up to
 * 16% of a create while the JDK's SHA-256 still ran interpreted, before the one C2 compiler thread
 * of a busy small server got to it (docs/performance.md).</li>
 * <li>Only a verdict of VALID is kept; a failure is never remembered as anything.</li>
 * <li>Every use checks the token's time window again ({@link TokenWindow}: exp, nbf, token age).</li>
 * <li>An entry is sent back to the container's verifier after {@link #REVERIFY_AFTER_MILLIS}, and
 * everything is forgotten when the trusted key changes or cannot be read ({@link TrustedKey}).</li>
 * <li>At most {@link #CAPACITY} entries.</li>
 * </ul>
 */
public final class VerifiedTokens {

    static final int CAPACITY = 10_000;
    static final long REVERIFY_AFTER_MILLIS = 60_000;

    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();
    private final LongSupplier keyGeneration;
    private final LongSupplier clockMillis;
    private final TokenWindow.Rules rules;

    private record Verified(CredentialValidationResult result, TokenWindow window, long keyGeneration, long reverifyAtMillis) {
    }

    VerifiedTokens(TokenWindow.Rules rules, LongSupplier keyGeneration, LongSupplier clockMillis) {
        this.rules = rules;
        this.keyGeneration = keyGeneration;
        this.clockMillis = clockMillis;
    }

    /**
     * The verdict on {@code token}: a remembered VALID one while it holds, otherwise the
     * {@code verifier}'s, remembered only when it is VALID and the token's time window admits it now.
     */
    public CredentialValidationResult validate(String token, Supplier<CredentialValidationResult> verifier) {
        long generation = keyGeneration.getAsLong();
        long now = clockMillis.getAsLong();
        CredentialValidationResult known = remembered(token, generation, now);
        if (known != null) {
            return known;
        }
        CredentialValidationResult result = verifier.get();
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return result;
        }
        TokenWindow window = TokenWindow.of(result.getCallerPrincipal(), rules);
        if (!window.admits(now)) {
            // Payara does not check nbf: a token that is not valid yet is refused here.
            return CredentialValidationResult.INVALID_RESULT;
        }
        makeRoom();
        verified.put(token, new Verified(result, window, generation, now + REVERIFY_AFTER_MILLIS));
        return result;
    }

    /** The remembered VALID verdict on {@code token} while it holds; otherwise null, and only a verifier can judge it. */
    public CredentialValidationResult remembered(String token) {
        return remembered(token, keyGeneration.getAsLong(), clockMillis.getAsLong());
    }

    private CredentialValidationResult remembered(String token, long generation, long now) {
        Verified known = verified.get(token);
        if (known == null) {
            return null;
        }
        if (known.keyGeneration == generation && now < known.reverifyAtMillis && known.window.admits(now)) {
            return known.result;
        }
        verified.remove(token, known);
        return null;
    }

    int size() {
        return verified.size();
    }

    /** Bounded: past capacity, about a tenth of the entries go (any tenth: each is one signature check away). */
    private void makeRoom() {
        if (verified.size() < CAPACITY) {
            return;
        }
        Iterator<String> keys = verified.keySet().iterator();
        for (int dropped = 0; dropped < CAPACITY / 10 && keys.hasNext(); dropped++) {
            keys.next();
            keys.remove();
        }
    }
}
