package org.quire.platform;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses a token before its {@code nbf} ("not before") time. Payara's MP-JWT checks signature,
 * issuer, expiry and issue time but not nbf (RFC 7519 §4.1.5), so a token minted for later would
 * otherwise work now.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class TokenNotBefore implements ContainerRequestFilter {

    /** The same tolerance for clocks that differ a little between issuer and server. */
    private static final long CLOCK_SKEW_SECONDS = 60;

    @Inject
    JsonWebToken token;

    @Override
    public void filter(ContainerRequestContext request) {
        if (token == null || token.getRawToken() == null) {
            return;
        }
        Object notBefore = token.getClaim("nbf");
        long seconds;
        if (notBefore instanceof Number number) {
            seconds = number.longValue();
        } else if (notBefore instanceof JsonNumber number) {
            seconds = number.longValue();
        } else {
            return;
        }
        if (seconds > Instant.now().getEpochSecond() + CLOCK_SKEW_SECONDS) {
            throw new NotAuthorizedException("token not yet valid", ProblemMapper.BEARER_CHALLENGE);
        }
    }
}
