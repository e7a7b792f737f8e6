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
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Payara's MP-JWT mechanism, not consulted for a request that carries no token.
 *
 * <p>Payara's mechanism looks its identity store handler up through {@code CDI.current()} on
 * every request before it reads the Authorization header, and that lookup walks the stack: about
 * 7% of an anonymous read's CPU in the profile. A request without an Authorization header is
 * anonymous to that mechanism whatever else it carries, so it is answered "nothing to do" here, as
 * the mechanism would have. Every request with the header, valid or not, goes to Payara's
 * mechanism unchanged; so does every request when {@code mp.jwt.token.header} names the Cookie
 * header instead.
 *
 * <p>Payara adds its mechanism as a synthetic bean, which CDI does not decorate; this bean is the
 * selected alternative for the mechanism's type and delegates to it.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class BearerTokenMechanism implements HttpAuthenticationMechanism {

    private static final String AUTHORIZATION = "Authorization";

    @Inject
    BeanManager beans;

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
        if (AUTHORIZATION.equalsIgnoreCase(tokenHeader) && request.getHeader(AUTHORIZATION) == null) {
            return context.doNothing();
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
