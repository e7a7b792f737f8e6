package org.quire.security;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Puts {@link VerifiedTokens} in front of the container's IdentityStoreHandler, which is what
 * Payara's MP-JWT mechanism asks to verify each bearer token. Jakarta Security lets applications
 * decorate that handler; everything that is not a bearer token passes straight through.
 */
@Decorator
@Priority(Interceptor.Priority.APPLICATION)
public class VerifiedTokenCache implements IdentityStoreHandler {

    private static final Logger LOG = Logger.getLogger(VerifiedTokenCache.class.getName());

    /** Payara's SignedJWTCredential is not an API type; its token is read through its public getter. */
    private static final ClassValue<Optional<Method>> SIGNED_JWT = new ClassValue<>() {
        @Override
        protected Optional<Method> computeValue(Class<?> type) {
            try {
                return Optional.of(type.getMethod("getSignedJWT"));
            } catch (NoSuchMethodException notABearerToken) {
                return Optional.empty();
            }
        }
    };

    @Inject
    @Delegate
    IdentityStoreHandler verifier;

    @Inject
    TokenVerification verification;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        String token = bearerToken(credential);
        if (token == null) {
            return verifier.validate(credential);
        }
        return verification.tokens().validate(token, () -> verifier.validate(credential));
    }

    private static String bearerToken(Credential credential) {
        Optional<Method> getter = credential == null ? Optional.empty() : SIGNED_JWT.get(credential.getClass());
        if (getter.isEmpty()) {
            return null;
        }
        try {
            return getter.get().invoke(credential) instanceof String token ? token : null;
        } catch (ReflectiveOperationException | RuntimeException unreadable) {
            LOG.warning(() -> "Bearer token of " + credential.getClass().getName() + " not readable, verifying without the cache: " + unreadable);
            return null;
        }
    }
}
