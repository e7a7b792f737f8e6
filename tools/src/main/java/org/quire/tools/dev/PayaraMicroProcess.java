package org.quire.tools.dev;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Payara Micro started as the README tells an admin: the built WAR at the context root, the
 * PostgreSQL driver added, server-config/ applied, the database in DB_URL, DB_USER, DB_PASSWORD.
 */
public final class PayaraMicroProcess {

    private PayaraMicroProcess() {
    }

    /**
     * Starts it with {@code environment} as the whole environment of the process; its output goes
     * to {@code log}, or to this process's own output when {@code log} is null.
     */
    public static Process start(Map<String, String> environment, int port, Path tmpDir, Path log) throws IOException {
        return start(environment, port, tmpDir, log, List.of());
    }

    /** The same, with {@code jvmOptions} given to the JVM before {@code -jar}. */
    public static Process start(Map<String, String> environment, int port, Path tmpDir, Path log, List<String> jvmOptions)
            throws IOException {
        Path payara = Path.of(System.getProperty("quire.payaraDir"));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Djava.io.tmpdir=" + tmpDir);
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-jar", payara.resolve("payara-micro.jar").toString(),
                "--nohazelcast",
                "--addlibs", payara.resolve("postgresql.jar").toString(),
                "--logproperties", Path.of(System.getProperty("quire.serverConfig")).resolve("logging.properties").toString(),
                "--prebootcommandfile", Path.of(System.getProperty("quire.serverConfig")).resolve("http-listener.asadmin").toString(),
                "--postbootcommandfile", Path.of(System.getProperty("quire.serverConfig")).resolve("post-boot-commands.asadmin").toString(),
                "--deploy", System.getProperty("quire.war"),
                "--contextroot", "/",
                "--port", String.valueOf(port)));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(environment);
        if (log == null) {
            builder.inheritIO();
        } else {
            builder.redirectErrorStream(true).redirectOutput(log.toFile());
        }
        return builder.start();
    }

    /** A port nothing listens on now, for a server (or a database) started next. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
