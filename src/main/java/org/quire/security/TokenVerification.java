package org.quire.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The server's one {@link VerifiedTokens}, judged by the MicroProfile JWT time settings. */
@ApplicationScoped
public class TokenVerification {

    @Inject
    TrustedKey trustedKey;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.clock.skew")
    Optional<Long> clockSkewSeconds;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.token.age")
    Optional<Long> tokenAgeSeconds;

    private VerifiedTokens tokens;

    @PostConstruct
    void start() {
        tokens = new VerifiedTokens(new TokenWindow.Rules(clockSkewSeconds.orElse(0L), tokenAgeSeconds.orElse(null)),
                trustedKey::generation, System::currentTimeMillis);
    }

    VerifiedTokens tokens() {
        return tokens;
    }
}
