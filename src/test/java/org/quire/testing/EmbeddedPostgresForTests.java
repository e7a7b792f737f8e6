package org.quire.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.quire.tools.dev.LocalPostgres;

/**
 * Starts the ITs' own PostgreSQL before the first test and stops it after the last. It runs only
 * when Maven's embedded-postgres-for-tests profile chose a port for it (DB_URL was not set); the
 * same profile hands DB_URL for that port to the test JVM, and so to each Payara Micro it starts.
 */
public class EmbeddedPostgresForTests implements LauncherSessionListener {

    private LocalPostgres postgres;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String port = System.getProperty("quire.it.embeddedPostgresPort");
        if (port == null || port.isBlank()) {
            return;
        }
        try {
            Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
            postgres = LocalPostgres.start(Path.of(System.getProperty("quire.it.postgresDir")), Integer.parseInt(port), true);
        } catch (IOException e) {
            throw new UncheckedIOException("The ITs' embedded PostgreSQL did not start; set DB_URL, DB_USER and"
                    + " DB_PASSWORD to run the ITs against an existing PostgreSQL instead", e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
