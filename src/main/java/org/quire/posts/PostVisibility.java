package org.quire.posts;

import org.quire.security.Caller;
import org.quire.security.Roles;

/** Which posts a caller can see at all: anonymous readers only published ones; editors and admins every status. */
public enum PostVisibility {
    PUBLISHED_ONLY, EVERY_STATUS;

    public static PostVisibility of(Caller caller) {
        return caller.isInAnyRole(Roles.EDITOR, Roles.ADMIN) ? EVERY_STATUS : PUBLISHED_ONLY;
    }
}
