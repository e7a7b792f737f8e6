package org.quire.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quire.schema.SchemaResource;
import org.quire.testing.Endpoint;
import org.quire.users.UsersResource;

/**
 * Roles are declared per resource method (a class-level @RolesAllowed would also close the
 * anonymous reads). This keeps a new write method from being left open by mistake.
 */
class AccessRulesTest {


    @Test
    void everyWriteNeedsARole() {
        for (Class<?> resource : Endpoint.resources()) {
            assertNull(resource.getAnnotation(RolesAllowed.class), resource.getSimpleName());
            for (Method method : httpMethods(resource)) {
                if (method.getAnnotation(GET.class) == null) {
                    assertNotNull(method.getAnnotation(RolesAllowed.class), resource.getSimpleName() + "." + method.getName());
                }
            }
        }
    }

    @Test
    void usersAreAdminsBusinessExceptThatEditorsMayReadOne() throws Exception {
        for (Method method : httpMethods(UsersResource.class)) {
            Set<String> roles = Set.of(method.getAnnotation(RolesAllowed.class).value());
            Set<String> expected = method.getName().equals("get") ? Set.of(Roles.EDITOR, Roles.ADMIN) : Set.of(Roles.ADMIN);
            assertEquals(expected, roles, method.getName());
        }
    }

    @Test
    void theSchemaReportIsForAdminsOnly() throws Exception {
        assertEquals(Set.of(Roles.ADMIN), Set.of(SchemaResource.class.getMethod("get").getAnnotation(RolesAllowed.class).value()));
    }

    private static List<Method> httpMethods(Class<?> resource) {
        return Arrays.stream(resource.getDeclaredMethods())
                .filter(m -> Arrays.stream(m.getAnnotations()).anyMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class)))
                .toList();
    }
}
