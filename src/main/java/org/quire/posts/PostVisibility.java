package org.quire.posts;

import jakarta.ws.rs.core.SecurityContext;
import org.quire.security.Roles;

/** Which posts a caller can see at all: anonymous readers only published ones; editors and admins every status. */
public enum PostVisibility {
    PUBLISHED_ONLY, EVERY_STATUS;

    public static PostVisibility of(SecurityContext caller) {
        return caller != null && (caller.isUserInRole(Roles.EDITOR) || caller.isUserInRole(Roles.ADMIN))
                ? EVERY_STATUS : PUBLISHED_ONLY;
    }
}
