package org.quire.security;

import jakarta.json.JsonNumber;
import java.security.Principal;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * When a verified token may be used, in epoch milliseconds: from its {@code nbf} (less the clock
 * tolerance) until its {@code exp} and, when {@code mp.jwt.verify.token.age} is set, until that
 * long after its {@code iat}, both plus {@code mp.jwt.verify.clock.skew} as Payara's verifier
 * counts them. Payara checks exp and age when it verifies but never nbf; this checks all three on
 * every use of a remembered token.
 */
record TokenWindow(long fromMillis, long untilMillis) {

    /** How the time claims are judged: the MicroProfile JWT settings, read once at deployment. */
    record Rules(long clockSkewSeconds, Long tokenAgeSeconds) {
        /** Clocks of issuer and server differ a little: nbf is honoured this far ahead of time. */
        static final long NOT_BEFORE_TOLERANCE_SECONDS = 60;
    }

    boolean admits(long nowMillis) {
        return fromMillis <= nowMillis && nowMillis < untilMillis;
    }

    /** The window of a token the container has verified; a token whose time claims cannot be read admits nothing. */
    static TokenWindow of(Principal caller, Rules rules) {
        if (!(caller instanceof JsonWebToken token)) {
            return new TokenWindow(0, 0);
        }
        Long expires = seconds(token, "exp");
        Long issued = seconds(token, "iat");
        Long notBefore = seconds(token, "nbf");
        if (expires == null || issued == null) {
            return new TokenWindow(0, 0);
        }
        long until = expires + rules.clockSkewSeconds();
        if (rules.tokenAgeSeconds() != null) {
            until = Math.min(until, issued + rules.tokenAgeSeconds() + rules.clockSkewSeconds());
        }
        long from = notBefore == null ? Long.MIN_VALUE / 1000 : notBefore - Rules.NOT_BEFORE_TOLERANCE_SECONDS;
        return new TokenWindow(from * 1000, until * 1000);
    }

    /** A NumericDate claim in seconds; null when absent or not a number. */
    private static Long seconds(JsonWebToken token, String claim) {
        try {
            Object value = token.getClaim(claim);
            if (value instanceof Number number) {
                return number.longValue();
            }
            if (value instanceof JsonNumber number) {
                return number.longValue();
            }
            return null;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
