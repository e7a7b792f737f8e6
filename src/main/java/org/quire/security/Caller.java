package org.quire.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The caller of the current request and its roles, as the container authenticated it.
 * Resources ask this bean rather than taking a JAX-RS {@code @Context SecurityContext}
 * parameter: Jersey builds that parameter through HK2 on every call (about 4% of an anonymous
 * read by id in the profile), while the request CDI exposes as a bean is a thread-local read.
 * Both answer from the same {@code HttpServletRequest.isUserInRole}.
 */
@ApplicationScoped
public class Caller {

    @Inject
    HttpServletRequest request;

    public boolean isInAnyRole(String... roles) {
        for (String role : roles) {
            if (request.isUserInRole(role)) {
                return true;
            }
        }
        return false;
    }
}
