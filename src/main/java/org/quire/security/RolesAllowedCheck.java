package org.quire.security;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.AnnotatedElement;
import java.util.Optional;

/**
 * Enforces {@code @RolesAllowed} and {@code @DenyAll} on resource methods (or their class): a
 * caller who is not logged in gets a 401, one without any of the roles a 403, before the method
 * runs. Payara's MP-JWT filter for the same annotations is switched off for Quire
 * ({@code jaxrs-roles-allowed-enabled} in glassfish-web.xml): it asks Jakarta Security for the
 * caller (a parse of the subject) and then JACC once per role, uncached, 6.5% of a create's CPU in
 * the profile. The rule is unchanged; {@link Caller} answers it from the token's groups.
 */
@Provider
public class RolesAllowedCheck implements DynamicFeature {

    @Inject
    Caller caller;

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        AnnotatedElement method = resource.getResourceMethod();
        AnnotatedElement declaring = method.isAnnotationPresent(RolesAllowed.class) || method.isAnnotationPresent(DenyAll.class)
                ? method : resource.getResourceClass();
        if (declaring.isAnnotationPresent(DenyAll.class)) {
            context.register(new Required(caller, new String[0]), Priorities.AUTHORIZATION);
        } else if (declaring.isAnnotationPresent(RolesAllowed.class)) {
            context.register(new Required(caller, declaring.getAnnotation(RolesAllowed.class).value()), Priorities.AUTHORIZATION);
        }
    }

    /** The roles one resource method needs, any one of them. */
    static final class Required implements ContainerRequestFilter {

        private final Caller caller;
        private final String[] roles;

        Required(Caller caller, String[] roles) {
            this.caller = caller;
            this.roles = roles;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            Optional<Response.Status> refusal = refusal();
            if (refusal.isPresent()) {
                throw refusal.get() == Response.Status.UNAUTHORIZED
                        ? new NotAuthorizedException(Response.status(Response.Status.UNAUTHORIZED).build())
                        : new ForbiddenException();
            }
        }

        /** 401 for a caller who is not logged in (unless nobody may call), 403 for one without the roles. */
        Optional<Response.Status> refusal() {
            if (!caller.isAuthenticated() && roles.length > 0) {
                return Optional.of(Response.Status.UNAUTHORIZED);
            }
            return caller.isInAnyRole(roles) ? Optional.empty() : Optional.of(Response.Status.FORBIDDEN);
        }
    }
}
