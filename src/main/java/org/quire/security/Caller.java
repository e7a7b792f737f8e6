package org.quire.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Set;
import java.util.function.Predicate;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller of the current request and its roles, as the container authenticated it: a caller
 * logged in with a token holds the roles its {@code groups} claim names (MicroProfile JWT), and
 * nobody else holds any.
 * <p>
 * Resources and {@link RolesAllowedCheck} ask this bean rather than JAX-RS's
 * {@code SecurityContext}: Jersey builds that through HK2 on every call, and its
 * {@code isUserInRole} (like the servlet request's) asks JACC for a role-reference permission,
 * uncached, once per role (4.7% of a create's CPU in the profile, twice per read with an admin's
 * token). The groups are read from the token the container logged in instead, which is the same
 * rule: Quire declares its roles with the groups' names and maps none.
 */
@ApplicationScoped
public class Caller {

    @Inject
    HttpServletRequest request;

    public boolean isAuthenticated() {
        return request.getUserPrincipal() != null;
    }

    public boolean isInAnyRole(String... roles) {
        Principal principal = request.getUserPrincipal();
        if (principal == null) {
            return false;
        }
        Predicate<String> holds;
        if (principal instanceof JsonWebToken token) {
            Set<String> groups = token.getGroups();
            holds = groups == null ? role -> false : groups::contains;
        } else {
            // Not a token (no authentication Quire configures yields one): the container's answer.
            holds = request::isUserInRole;
        }
        for (String role : roles) {
            if (holds.test(role)) {
                return true;
            }
        }
        return false;
    }
}
