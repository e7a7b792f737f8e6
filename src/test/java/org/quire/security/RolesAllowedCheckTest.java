package org.quire.security;

import static jakarta.ws.rs.core.Response.Status.FORBIDDEN;
import static jakarta.ws.rs.core.Response.Status.UNAUTHORIZED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Which resource methods get a role check, and what the check answers for each kind of caller.
 * That the container runs it (and Payara's own filter is off) is what the access-control ITs check.
 */
class RolesAllowedCheckTest {

    /** A caller logged in with the given groups, or nobody (null). */
    private static Caller caller(Set<String> groups) {
        return new Caller() {
            @Override
            public boolean isAuthenticated() {
                return groups != null;
            }

            @Override
            public boolean isInAnyRole(String... roles) {
                return groups != null && List.of(roles).stream().anyMatch(groups::contains);
            }
        };
    }

    @Test
    void aMethodsRolesAreCheckedBeforeItRuns() throws Exception {
        Method method = Writes.class.getMethod("write");
        assertEquals(Optional.of(UNAUTHORIZED), refusal(method, null));
        assertEquals(Optional.of(FORBIDDEN), refusal(method, Set.of()));
        assertEquals(Optional.of(FORBIDDEN), refusal(method, Set.of("reader")));
        assertEquals(Optional.empty(), refusal(method, Set.of(Roles.EDITOR)));
        assertEquals(Optional.empty(), refusal(method, Set.of("reader", Roles.ADMIN)));
    }

    @Test
    void aClassesRolesCoverItsMethodsThatNameNone() throws Exception {
        Method method = AdminsOnly.class.getMethod("read");
        assertEquals(Optional.of(UNAUTHORIZED), refusal(method, null));
        assertEquals(Optional.of(FORBIDDEN), refusal(method, Set.of(Roles.EDITOR)));
        assertEquals(Optional.empty(), refusal(method, Set.of(Roles.ADMIN)));
    }

    @Test
    void aMethodsOwnRolesWinOverItsClasses() throws Exception {
        Method method = AdminsOnly.class.getMethod("alsoForEditors");
        assertEquals(Optional.empty(), refusal(method, Set.of(Roles.EDITOR)));
        assertEquals(Optional.of(FORBIDDEN), refusal(method, Set.of(Roles.ADMIN)));
    }

    @Test
    void denyAllRefusesEveryoneWith403() throws Exception {
        Method method = Writes.class.getMethod("closed");
        assertEquals(Optional.of(FORBIDDEN), refusal(method, null));
        assertEquals(Optional.of(FORBIDDEN), refusal(method, Set.of(Roles.ADMIN)));
    }

    @Test
    void methodsWithoutRolesAreLeftAlone() throws Exception {
        assertTrue(registered(Writes.class.getMethod("read"), caller(null)).isEmpty());
    }

    /** What the one check registered for the method answers a caller with these groups (null: nobody). */
    private static Optional<Response.Status> refusal(Method method, Set<String> groups) {
        return assertInstanceOf(RolesAllowedCheck.Required.class, onlyCheckFor(method, caller(groups))).refusal();
    }

    private static ContainerRequestFilter onlyCheckFor(Method method, Caller caller) {
        List<Object[]> registered = registered(method, caller);
        assertEquals(1, registered.size());
        assertEquals(Priorities.AUTHORIZATION, registered.get(0)[1]);
        return assertInstanceOf(ContainerRequestFilter.class, registered.get(0)[0]);
    }

    /** What the feature registers for one resource method: (component, priority) pairs. */
    private static List<Object[]> registered(Method method, Caller caller) {
        List<Object[]> registered = new ArrayList<>();
        ResourceInfo resource = (ResourceInfo) Proxy.newProxyInstance(ResourceInfo.class.getClassLoader(), new Class<?>[] {ResourceInfo.class},
                (proxy, called, args) -> switch (called.getName()) {
                    case "getResourceMethod" -> method;
                    case "getResourceClass" -> method.getDeclaringClass();
                    default -> throw new UnsupportedOperationException(called.getName());
                });
        FeatureContext context = (FeatureContext) Proxy.newProxyInstance(FeatureContext.class.getClassLoader(), new Class<?>[] {FeatureContext.class},
                (proxy, called, args) -> {
                    if (called.getName().equals("register") && args.length == 2 && args[1] instanceof Integer priority) {
                        registered.add(new Object[] {args[0], priority});
                        return proxy;
                    }
                    throw new UnsupportedOperationException(called.getName());
                });
        RolesAllowedCheck feature = new RolesAllowedCheck();
        feature.caller = caller;
        feature.configure(resource, context);
        return registered;
    }

    static class Writes {
        @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
        public void write() {
        }

        @DenyAll
        public void closed() {
        }

        public void read() {
        }
    }

    @RolesAllowed(Roles.ADMIN)
    static class AdminsOnly {
        public void read() {
        }

        @RolesAllowed(Roles.EDITOR)
        public void alsoForEditors() {
        }
    }
}
