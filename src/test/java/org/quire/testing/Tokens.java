package org.quire.testing;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.List;
import org.quire.tools.dev.Jwt;

/** Bearer tokens signed with the ITs' key (see SigningKeysForTests), valid for the servers the ITs start. */
public final class Tokens {

    private Tokens() {
    }

    public static String editor() {
        return sign(claims(List.of("editor")));
    }

    public static String admin() {
        return sign(claims(List.of("admin")));
    }

    /** Claims the ITs' servers accept: their issuer, valid for ten minutes from now. */
    public static Jwt.Claims claims(List<String> groups) {
        return Jwt.Claims.of(issuer(), "it-" + String.join("-", groups), groups, 600);
    }

    public static String sign(Jwt.Claims claims) {
        try {
            return Jwt.sign(claims, key());
        } catch (Exception e) {
            throw new IllegalStateException("could not sign a test token", e);
        }
    }

    public static String issuer() {
        return System.getProperty("quire.it.issuer");
    }

    private static PrivateKey key() throws Exception {
        return Jwt.privateKey(Path.of(System.getProperty("quire.it.jwtDir")));
    }
}
