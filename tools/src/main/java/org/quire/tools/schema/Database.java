package org.quire.tools.schema;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Where a PostgreSQL is, as DB_URL, DB_USER and DB_PASSWORD tell an admin's server. */
public record Database(String url, String user, String password) {

    public static Database fromEnvironment() {
        return new Database(env("DB_URL"), env("DB_USER"), env("DB_PASSWORD"));
    }

    public static boolean configured() {
        String url = System.getenv("DB_URL");
        return url != null && !url.isBlank();
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, credentials());
    }

    /** A connection whose current schema is {@code schema}, with public behind it (for pg_trgm). */
    public Connection connect(String schema) throws SQLException {
        Properties props = credentials();
        props.setProperty("currentSchema", schema + ",public");
        return DriverManager.getConnection(url, props);
    }

    /**
     * The URL with {@code currentSchema} set to that schema alone, for tools that take only a URL
     * and must not see the tables of other schemas (EclipseLink skips the indexes and constraints
     * of a table it believes to exist).
     */
    String urlConfinedTo(String schema) {
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    Properties credentials() {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        return props;
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run the ITs through ./mvnw verify");
        }
        return value;
    }
}
