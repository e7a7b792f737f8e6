package org.quire.security;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.quire.platform.JsonApi;

/**
 * The key that bearer tokens must be signed with, as MicroProfile JWT is told where to find it
 * ({@code mp.jwt.verify.publickey.location} or {@code mp.jwt.verify.publickey}). At deployment it
 * refuses a configuration that cannot work; while serving it reads the key again on a background
 * thread (a JWKS may be remote and slow, and no request should wait for it), as often as Payara's
 * verifier does (every minute, or sooner when the key's server says so), and counts a new
 * {@link #generation()} whenever {@link VerifiedTokens} must forget what an old key vouched for (a
 * JWKS rotation, a replaced PEM file, a key that cannot be read).
 */
@ApplicationScoped
public class TrustedKey {

    /** How often the key is read again when its server says nothing sooner (a file: always). */
    static final long CHECK_EVERY_MILLIS = 60_000;
    /** The soonest the key is read again, whatever its server says (max-age=0 must not mean a loop). */
    static final long CHECK_AT_MOST_EVERY_MILLIS = 5_000;
    /** Where the WAR tells Payara's verifier how long to keep a key it read, named as Payara looks it up. */
    private static final String VERIFIER_SETTINGS = "/payara-mp-jwt.properties";
    /** How long Payara's verifier keeps a key it read when nothing says otherwise. */
    private static final long VERIFIER_DEFAULT_KEEPS_MILLIS = 300_000;
    private static final int TIMEOUT_MILLIS = 5_000;
    private static final Pattern MAX_AGE = Pattern.compile("max-age=(\\d{1,9})");
    private static final Logger LOG = Logger.getLogger(TrustedKey.class.getName());

    @Inject
    Config config;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    // Written only by the one scheduled check (runs never overlap), read by every request.
    private volatile long generation;
    private volatile String material;
    private final KeyChanges changes = new KeyChanges();
    private long verifierKeepsMillis;
    /** As the key's server last said; kept while it cannot be read, so an outage is noticed as soon as a change would be. */
    private long checkEveryMillis = CHECK_EVERY_MILLIS;
    private volatile boolean stopped;
    private volatile ScheduledFuture<?> nextCheck;
    /** mp.jwt.verify.publickey.location as at deployment, when set; Payara's verifier reads it once too. */
    private Optional<String> location = Optional.empty();

    /** Runs before the schema migration: a server that could never verify a token should not start. */
    void refuseUnworkableSettings(@Observes @Priority(1) Startup startup) {
        Optional<String> issuer = config.getOptionalValue("mp.jwt.verify.issuer", String.class);
        location = config.getOptionalValue(KeyLocationPath.PROPERTY, String.class);
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
        verifierKeepsMillis = verifierKeepsMillis();
        if (location.isPresent()) {
            String where = location.get();
            try {
                KeyReading read = read(where);
                requireKey(where, read.material());
                material = read.material();
                checkEveryMillis = read.checkAgainAfterMillis();
            } catch (IOException unreadable) {
                if (isRemote(where)) {
                    warnUnreadable(unreadable.getMessage());
                } else {
                    throw refuse("the token key location " + where + " cannot be read: " + unreadable.getMessage());
                }
            }
        } else {
            requireKey("mp.jwt.verify.publickey", inline.get());
            material = inline.get();
        }
        changes.checked(System.currentTimeMillis(), false, verifierKeepsMillis);
        LOG.info("Quire: bearer tokens are verified with the key at " + keySource()
                + "; it is read again every " + checkEveryMillis / 1000 + " s, and Payara's verifier keeps a key it read for "
                + verifierKeepsMillis / 1000 + " s");
        checkAfter(checkEveryMillis);
    }

    @PreDestroy
    void stopChecking() {
        stopped = true;
        ScheduledFuture<?> pending = nextCheck;
        if (pending != null) {
            pending.cancel(false);
        }
    }

    /** Which key the server trusts now, as a number that changes when the key does. */
    public long generation() {
        return generation;
    }

    private void checkAfter(long millis) {
        if (stopped) {
            return;
        }
        try {
            nextCheck = scheduler.schedule(this::check, millis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException undeploying) {
            // The server is shutting down the application's executor: nothing left to check for.
        }
    }

    private void check() {
        try {
            KeyReading current = currentReading();
            boolean changed = current.material() == null || !sameKey(current.material(), material);
            if (changes.checked(System.currentTimeMillis(), changed, verifierKeepsMillis)) {
                generation++;
            }
            logTransition(material, current, changed);
            material = current.material();
            checkEveryMillis = current.checkAgainAfterMillis();
        } finally {
            checkAfter(checkEveryMillis);
        }
    }

    /**
     * Whether two readings hold the same key: the same text, or the same JSON document (a JWKS that
     * its server writes out with other spacing or member order has not changed).
     */
    static boolean sameKey(String read, String before) {
        if (read.equals(before)) {
            return true;
        }
        if (before == null || !read.strip().startsWith("{") || !before.strip().startsWith("{")) {
            return false;
        }
        try (JsonReader a = JsonApi.PROVIDER.createReader(new StringReader(read));
                JsonReader b = JsonApi.PROVIDER.createReader(new StringReader(before))) {
            return a.readValue().equals(b.readValue());
        } catch (JsonException notJson) {
            return false;
        }
    }

    /** The key as it reads now; its material is null when there is none or it cannot be read. */
    private KeyReading currentReading() {
        try {
            return location.isPresent() ? read(location.get())
                    : new KeyReading(config.getOptionalValue("mp.jwt.verify.publickey", String.class).orElse(null), CHECK_EVERY_MILLIS, null);
        } catch (IOException | RuntimeException unreadable) {
            return new KeyReading(null, checkEveryMillis, String.valueOf(unreadable.getMessage()));
        }
    }

    /** One line when the key changes, becomes unreadable or readable again; nothing while it stays as it was. */
    private void logTransition(String before, KeyReading now, boolean changed) {
        if (now.material() == null && before != null) {
            warnUnreadable(now.problem());
        } else if (now.material() != null && before == null) {
            LOG.info("Quire: the token key at " + keySource() + " can be read again");
        } else if (now.material() != null && changed) {
            LOG.info("Quire: the token key at " + keySource() + " changed; tokens verified with the previous one are verified again");
        }
    }

    private void warnUnreadable(String problem) {
        LOG.warning("Quire: the token key at " + keySource() + " cannot be read now (" + problem + "); bearer tokens answer 401 until it can");
    }

    private String keySource() {
        return location.orElse("mp.jwt.verify.publickey");
    }

    /** How long Payara's verifier keeps a key it read (publicKey.cache.ttl, the WAR sets it to a minute). */
    private static long verifierKeepsMillis() {
        URL settings = Thread.currentThread().getContextClassLoader().getResource(VERIFIER_SETTINGS);
        if (settings == null) {
            return VERIFIER_DEFAULT_KEEPS_MILLIS;
        }
        try (InputStream in = settings.openStream()) {
            Properties properties = new Properties();
            properties.load(in);
            return Long.parseLong(properties.getProperty("publicKey.cache.ttl", String.valueOf(VERIFIER_DEFAULT_KEEPS_MILLIS)).strip());
        } catch (IOException | NumberFormatException unreadable) {
            return VERIFIER_DEFAULT_KEEPS_MILLIS;
        }
    }

    /** The key's material as read (null, with the problem, when it could not be), and how soon to read it again. */
    record KeyReading(String material, long checkAgainAfterMillis, String problem) {
    }

    /**
     * When {@link VerifiedTokens} must forget: at the check that sees the key change, and at every
     * check after it until the container's verifier can no longer be holding the old key. Payara's
     * verifier keeps its own copy of the key (for {@code publicKey.cache.ttl}, or the key server's
     * max-age) and reads it again only when that runs out, so for a while after a change it may still
     * vouch for a token signed with the old key; a verdict it gave in that while is not kept past the
     * next check.
     */
    static final class KeyChanges {

        private long previousCheckMillis = Long.MIN_VALUE;
        private long verifierMayHoldOldKeyUntilMillis = Long.MIN_VALUE;

        /** Records a check at {@code nowMillis}; true when what was verified since the previous one must be forgotten. */
        boolean checked(long nowMillis, boolean changed, long verifierKeepsMillis) {
            boolean forget = changed || previousCheckMillis < verifierMayHoldOldKeyUntilMillis;
            if (changed) {
                verifierMayHoldOldKeyUntilMillis = nowMillis + verifierKeepsMillis;
            }
            previousCheckMillis = nowMillis;
            return forget;
        }
    }

    /**
     * Reads the key where Payara's verifier looks (a class path resource of that name first, then a
     * URL), and when to read it again: the smallest Cache-Control max-age its server sent (the rule
     * Payara's verifier follows), between {@link #CHECK_AT_MOST_EVERY_MILLIS} and {@link #CHECK_EVERY_MILLIS}.
     */
    static KeyReading read(String location) throws IOException {
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
            String material = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new KeyReading(material, checkAgainAfterMillis(cacheControl(connection)), null);
        }
    }

    private static List<String> cacheControl(URLConnection connection) {
        return connection.getHeaderFields().entrySet().stream()
                .filter(header -> "Cache-Control".equalsIgnoreCase(header.getKey()))
                .flatMap(header -> header.getValue().stream())
                .toList();
    }

    static long checkAgainAfterMillis(List<String> cacheControl) {
        long maxAgeSeconds = cacheControl.stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(directive -> MAX_AGE.matcher(directive.strip().toLowerCase(Locale.ROOT)))
                .filter(Matcher::matches)
                .mapToLong(maxAge -> Long.parseLong(maxAge.group(1)))
                .min()
                .orElse(Long.MAX_VALUE / 1000);
        return Math.max(CHECK_AT_MOST_EVERY_MILLIS, Math.min(CHECK_EVERY_MILLIS, maxAgeSeconds * 1000));
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
