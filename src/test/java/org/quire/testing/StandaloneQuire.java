package org.quire.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.quire.tools.dev.LocalPostgres;
import org.quire.tools.dev.PayaraMicroProcess;

/**
 * Quire on a Payara Micro of its own, against a PostgreSQL of the test's own, for tests that
 * must do to the database what the shared one cannot take (stop it, break its schema).
 */
public final class StandaloneQuire implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofMinutes(4);

    public final int port;
    public final Path log;
    private final Process payara;

    private StandaloneQuire(int port, Path log, Process payara) {
        this.port = port;
        this.log = log;
        this.payara = payara;
    }

    /** A working folder under the ITs' temporary folder. */
    public static Path workingDirectory(String name) throws IOException {
        return Files.createDirectories(Path.of(System.getProperty("quire.it.tmpdir"), name + "-" + QuireApi.unique()));
    }

    /** Starts Payara Micro on a free port with the WAR, against {@code postgres}; returns once it has finished starting. */
    public static StandaloneQuire start(LocalPostgres postgres, Path dir) throws Exception {
        return start(postgres, dir, Map.of());
    }

    /** The same, with {@code settings} added to (or replacing) the environment the ITs' servers get. */
    public static StandaloneQuire start(LocalPostgres postgres, Path dir, Map<String, String> settings) throws Exception {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(settings);
        env.putAll(postgres.serverEnvironment());
        int port = PayaraMicroProcess.freePort();
        Path log = dir.resolve("payara.log");
        StandaloneQuire quire = new StandaloneQuire(port, log,
                PayaraMicroProcess.start(env, port, Files.createDirectories(dir.resolve("tmp")), log));
        quire.awaitStarted();
        return quire;
    }

    public String logText() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    public QuireApi api() throws Exception {
        return QuireApi.at(new java.net.URL("http://localhost:" + port + "/"));
    }

    private void awaitStarted() throws Exception {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (payara.isAlive() && !logText().contains("ready in")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Payara Micro did not finish starting within " + STARTUP + "; its log: " + log);
            }
            Thread.sleep(500);
        }
        if (!payara.isAlive()) {
            throw new AssertionError("Payara Micro exited while starting; its log: " + log);
        }
    }

    @Override
    public void close() throws InterruptedException {
        payara.destroy();
        payara.waitFor();
    }
}
