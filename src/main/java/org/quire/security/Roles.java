package org.quire.security;

/** The roles of the contract, as they arrive in a token's {@code groups} claim. */
public final class Roles {

    /** Writes posts and categories; reads every status and single users. */
    public static final String EDITOR = "editor";
    /** Everything, including users and /api/admin. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
