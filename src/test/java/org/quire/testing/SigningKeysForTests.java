package org.quire.testing;

import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.quire.tools.dev.Jwt;

/**
 * Creates the ITs' token signing key pair before the first test. pom.xml points every Payara
 * Micro the ITs start at its public half (MP_JWT_VERIFY_PUBLICKEY_LOCATION); the tests sign
 * their tokens with the private half.
 */
public class SigningKeysForTests implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String dir = System.getProperty("quire.it.jwtDir");
        if (dir == null || dir.isBlank()) {
            return;
        }
        try {
            Jwt.ensureKeyPair(Path.of(dir));
        } catch (Exception e) {
            throw new IllegalStateException("could not create the ITs' signing key in " + dir, e);
        }
    }
}
