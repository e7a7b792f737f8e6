package org.quire.security;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The key that bearer tokens must be signed with, as MicroProfile JWT is told where to find it
 * ({@code mp.jwt.verify.publickey.location} or {@code mp.jwt.verify.publickey}). At deployment it
 * refuses a configuration that cannot work; while serving it reads the key again every
 * {@link #CHECK_EVERY_MILLIS}, on a background thread (a JWKS may be remote and slow, and no request
 * should wait for it), and counts a new {@link #generation()} whenever the key changed or could not
 * be read, so that {@link VerifiedTokens} forgets what an old key vouched for (a JWKS rotation, a
 * replaced PEM file).
 */
@ApplicationScoped
public class TrustedKey {

    static final long CHECK_EVERY_MILLIS = 60_000;
    private static final int TIMEOUT_MILLIS = 5_000;
    private static final Logger LOG = Logger.getLogger(TrustedKey.class.getName());

    @Inject
    Config config;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    // Written only by the one scheduled check (runs never overlap), read by every request.
    private volatile long generation;
    private volatile String material;
    private ScheduledFuture<?> checks;

    /** Runs before the schema migration: a server that could never verify a token should not start. */
    void refuseUnworkableSettings(@Observes @Priority(1) Startup startup) {
        Optional<String> issuer = config.getOptionalValue("mp.jwt.verify.issuer", String.class);
        Optional<String> location = config.getOptionalValue(KeyLocationPath.PROPERTY, String.class);
        Optional<String> inline = config.getOptionalValue("mp.jwt.verify.publickey", String.class);
        boolean key = location.isPresent() || inline.isPresent();
        if (!key && issuer.isEmpty()) {
            LOG.info("Quire: no token verification configured (MP_JWT_VERIFY_PUBLICKEY_LOCATION, MP_JWT_VERIFY_ISSUER):"
                    + " anonymous reads only, every write answers 401");
            return;
        }
        if (!key) {
            throw refuse("MP_JWT_VERIFY_ISSUER is set but no key is: set MP_JWT_VERIFY_PUBLICKEY_LOCATION"
                    + " (a path, a file: or https: URL of a PEM public key or a JWKS)");
        }
        if (issuer.isEmpty()) {
            throw refuse("a token key is configured but MP_JWT_VERIFY_ISSUER is not: set it to the iss claim"
                    + " your identity provider puts in its tokens");
        }
        if (location.isPresent()) {
            String where = location.get();
            try {
                String read = read(where);
                requireKey(where, read);
                material = read;
            } catch (IOException unreadable) {
                if (isRemote(where)) {
                    LOG.warning("Quire: the token key at " + where + " cannot be read now (" + unreadable.getMessage()
                            + "); every bearer token answers 401 until it can");
                } else {
                    throw refuse("the token key location " + where + " cannot be read: " + unreadable.getMessage());
                }
            }
        } else {
            requireKey("mp.jwt.verify.publickey", inline.get());
            material = inline.get();
        }
        checks = scheduler.scheduleWithFixedDelay(this::check, CHECK_EVERY_MILLIS, CHECK_EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stopChecking() {
        if (checks != null) {
            checks.cancel(false);
        }
    }

    /** Which key the server trusts now, as a number that changes when the key does. */
    public long generation() {
        return generation;
    }

    private void check() {
        String current = currentMaterial();
        if (current == null || !current.equals(material)) {
            generation++;
        }
        material = current;
    }

    /** The key material as it reads now; null when there is none or it cannot be read. */
    private String currentMaterial() {
        try {
            Optional<String> location = config.getOptionalValue(KeyLocationPath.PROPERTY, String.class);
            return location.isPresent() ? read(location.get())
                    : config.getOptionalValue("mp.jwt.verify.publickey", String.class).orElse(null);
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    /** Where Payara's verifier looks: a class path resource of that name first, then a URL. */
    static String read(String location) throws IOException {
        URL url = Thread.currentThread().getContextClassLoader().getResource(location);
        if (url == null) {
            try {
                url = new URL(location);
            } catch (MalformedURLException notAUrl) {
                throw new IOException("it is neither a URL (file:, https:) nor an absolute path nor a class path resource");
            }
        }
        URLConnection connection = url.openConnection();
        connection.setConnectTimeout(TIMEOUT_MILLIS);
        connection.setReadTimeout(TIMEOUT_MILLIS);
        try (InputStream in = connection.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The material must look like what Payara accepts: a PEM (or bare base64) public key, or a JWK/JWKS. */
    private static void requireKey(String where, String material) {
        String text = material.strip();
        boolean jwk = text.startsWith("{") && text.contains("\"kty\"");
        boolean pem = text.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "").matches("[A-Za-z0-9+/]{64,}={0,2}");
        if (!jwk && !pem) {
            throw refuse("the token key at " + where + " is neither a PEM public key nor a JWKS");
        }
    }

    private static boolean isRemote(String location) {
        return location.startsWith("http:") || location.startsWith("https:");
    }

    private static IllegalStateException refuse(String why) {
        String message = "QUIRE CONFIGURATION ERROR - the application will not be deployed: " + why;
        LOG.severe(message);
        return new IllegalStateException(message);
    }
}
