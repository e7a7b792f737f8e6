package org.quire.tools.dev;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The README's run command ({@code ./mvnw -Prun}): serves the built WAR on http://localhost:8080
 * from Payara Micro, with the same server-config/ an admin uses. Without DB_URL it starts a local
 * PostgreSQL whose data lives in .quire/ (git-ignored, kept across restarts and {@code mvn clean}).
 */
public final class RunCommand {

    private RunCommand() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(System.getProperty("quire.dataDir"));
        String port = System.getProperty("quire.port", "8080");

        Map<String, String> env = new java.util.HashMap<>(System.getenv());
        LocalPostgres postgres = null;
        if (isBlank(env.get("DB_URL"))) {
            try {
                postgres = LocalPostgres.start(dataDir.resolve("postgres"), 0, false);
            } catch (IOException | RuntimeException e) {
                System.err.println("Quire: could not start the local PostgreSQL in " + dataDir.resolve("postgres")
                        + ": " + e.getMessage());
                System.err.println("Quire: set DB_URL (jdbc:postgresql://host:port/db), DB_USER and DB_PASSWORD"
                        + " to use an existing PostgreSQL instead.");
                System.exit(2);
            }
            env.putAll(postgres.serverEnvironment());
            System.out.println("Quire: local PostgreSQL on port " + postgres.port() + ", data in " + dataDir.resolve("postgres"));
        } else {
            System.out.println("Quire: using the PostgreSQL at DB_URL=" + env.get("DB_URL"));
        }

        if (isBlank(env.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION")) && isBlank(env.get("MP_JWT_VERIFY_PUBLICKEY"))) {
            Path keys = dataDir.resolve("jwt");
            Jwt.ensureKeyPair(keys);
            env.putAll(TokenCommand.serverEnvironment(keys));
            System.out.println("Quire: trusting the development key in " + keys
                    + "; get a token with: bin/quire-token editor   (or: bin/quire-token admin)");
        } else {
            System.out.println("Quire: tokens are verified as MP_JWT_* says; no development key is trusted.");
        }

        Path work = Files.createDirectories(dataDir.resolve("payara-tmp"));
        Process payara = PayaraMicroProcess.start(env, Integer.parseInt(port), work, null);

        LocalPostgres database = postgres;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            payara.destroy();
            try {
                payara.waitFor();
                if (database != null) {
                    database.close();
                }
            } catch (InterruptedException | IOException ignored) {
                // Shutting down anyway.
            }
        }, "quire-dev-server-stop"));
        int exit = payara.waitFor();
        System.out.println("Quire: Payara Micro exited with status " + exit);
        if (database != null) {
            database.close();
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
