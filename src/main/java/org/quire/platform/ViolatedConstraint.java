package org.quire.platform;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Reads which constraint a failed write ran into, so that services can answer a unique or foreign
 * key violation in the domain's words (409 on a field, 400 on a reference) even when two requests
 * race past their checks. The constraint name stays inside: it is never shown to a client.
 */
public final class ViolatedConstraint {

    private static final String UNIQUE = "23505";
    private static final String FOREIGN_KEY = "23503";

    private ViolatedConstraint() {
    }

    public static Optional<String> unique(Throwable thrown) {
        return constraint(thrown, UNIQUE);
    }

    public static Optional<String> foreignKey(Throwable thrown) {
        return constraint(thrown, FOREIGN_KEY);
    }

    private static Optional<String> constraint(Throwable thrown, String sqlState) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    if (sqlState.equals(e.getSQLState())) {
                        return Optional.of(constraintName(e));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static String constraintName(SQLException e) {
        if (e instanceof org.postgresql.util.PSQLException psql && psql.getServerErrorMessage() != null
                && psql.getServerErrorMessage().getConstraint() != null) {
            return psql.getServerErrorMessage().getConstraint();
        }
        return "";
    }
}
