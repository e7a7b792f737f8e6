package org.quire.security;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Payara's MP-JWT mechanism, consulted only for a token this server has not verified lately.
 *
 * <p>Payara's mechanism looks its identity store handler up through {@code CDI.current()} on
 * every request before it reads the Authorization header, and that lookup walks the stack: about
 * 7% of an anonymous read's CPU in the profile, as much of a request with a token. So this bean
 * answers two kinds of request itself, as the mechanism would have:
 * <ul>
 * <li>no Authorization header: anonymous, nothing to do;</li>
 * <li>a bearer token with a VALID verdict that {@link VerifiedTokens} still holds (verified by
 * Payara within the last minute, under the current key, inside its time window): the caller is
 * logged in with that verdict, exactly as the mechanism does with its identity store's.</li>
 * </ul>
 * Every other request, a first or a bad token included, goes to Payara's mechanism unchanged; so
 * does every request when {@code mp.jwt.token.header} names the Cookie header instead.
 *
 * <p>Payara adds its mechanism as a synthetic bean, which CDI does not decorate; this bean is the
 * selected alternative for the mechanism's type and delegates to it.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class BearerTokenMechanism implements HttpAuthenticationMechanism {

    private static final String AUTHORIZATION = "Authorization";
    private static final String BEARER = "Bearer ";

    @Inject
    BeanManager beans;

    @Inject
    TokenVerification verification;

    @Inject
    @ConfigProperty(name = "mp.jwt.token.header", defaultValue = AUTHORIZATION)
    String tokenHeader;

    private HttpAuthenticationMechanism mpJwt;

    /** Created with the application, so that a deployment without Payara's mechanism fails at once, not on its first request. */
    void atDeployment(@Observes @Initialized(ApplicationScoped.class) Object application) {
    }

    @PostConstruct
    void findMpJwtMechanism() {
        List<Bean<?>> others = beans.getBeans(HttpAuthenticationMechanism.class, Any.Literal.INSTANCE).stream()
                .filter(bean -> bean.getBeanClass() != BearerTokenMechanism.class)
                .toList();
        if (others.size() != 1) {
            throw new DeploymentException("Expected exactly one other HTTP authentication mechanism (Payara's MP-JWT, "
                    + "installed by @LoginConfig(authMethod = \"MP-JWT\")), found " + others.size() + ": " + others);
        }
        Bean<?> bean = others.get(0);
        mpJwt = (HttpAuthenticationMechanism) beans.getReference(bean, HttpAuthenticationMechanism.class,
                beans.createCreationalContext(bean));
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) throws AuthenticationException {
        if (!AUTHORIZATION.equals(tokenHeader)) {
            return mpJwt.validateRequest(request, response, context);
        }
        String authorization = request.getHeader(AUTHORIZATION);
        if (authorization == null) {
            return context.doNothing();
        }
        if (authorization.startsWith(BEARER)) {
            CredentialValidationResult known = verification.tokens().remembered(authorization.substring(BEARER.length()));
            if (known != null) {
                // What Payara's mechanism does with a VALID verdict from its identity store.
                context.getClientSubject().getPrincipals().add(known.getCallerPrincipal());
                return context.notifyContainerAboutLogin(known);
            }
        }
        return mpJwt.validateRequest(request, response, context);
    }

    @Override
    public AuthenticationStatus secureResponse(HttpServletRequest request, HttpServletResponse response,
                                               HttpMessageContext context) throws AuthenticationException {
        return mpJwt.secureResponse(request, response, context);
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        mpJwt.cleanSubject(request, response, context);
    }
}
