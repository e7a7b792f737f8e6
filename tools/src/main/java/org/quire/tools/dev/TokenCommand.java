package org.quire.tools.dev;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Prints a short-lived token for the run command's local service ({@code bin/quire-token editor}
 * or {@code bin/quire-token admin}), signed with the development key in .quire/jwt/.
 * scripts/check-admin-deployment.sh uses it as a stand-in identity provider: with
 * {@code -Dquire.jwt.keys}, {@code -Dquire.jwt.issuer} and {@code -Dquire.jwt.createKeys=true}.
 */
public final class TokenCommand {

    /** The issuer the run command's service trusts when no MP_JWT_* settings are given. */
    public static final String ISSUER = "quire-dev";
    static final long LIFETIME_SECONDS = 3600;

    private TokenCommand() {
    }

    /** What a server is given to trust the tokens this command signs with the key pair in {@code keys}. */
    static Map<String, String> serverEnvironment(Path keys) {
        return Map.of("MP_JWT_VERIFY_PUBLICKEY_LOCATION", Jwt.publicKeyLocation(keys), "MP_JWT_VERIFY_ISSUER", ISSUER);
    }

    public static void main(String[] args) throws Exception {
        Path keys = System.getProperty("quire.jwt.keys") != null ? Path.of(System.getProperty("quire.jwt.keys"))
                : Path.of(System.getProperty("quire.dataDir")).resolve("jwt");
        String issuer = System.getProperty("quire.jwt.issuer", ISSUER);
        String role = System.getProperty("role", "editor");
        if (Boolean.getBoolean("quire.jwt.createKeys")) {
            Jwt.ensureKeyPair(keys);
        }
        if (!List.of("editor", "admin").contains(role)) {
            System.err.println("role must be editor or admin, not '" + role + "'");
            System.exit(2);
        }
        if (!Files.isRegularFile(keys.resolve(Jwt.PRIVATE_KEY))) {
            System.err.println("No development key in " + keys + ": start the service once with ./mvnw -Prun"
                    + " (it creates the key), or use your identity provider's tokens when MP_JWT_* is set.");
            System.exit(2);
        }
        System.out.println(Jwt.sign(Jwt.Claims.of(issuer, "dev-" + role, List.of(role), LIFETIME_SECONDS), Jwt.privateKey(keys)));
    }
}
