package org.quire.security;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Lets {@code MP_JWT_VERIFY_PUBLICKEY_LOCATION} (or the system property
 * {@code mp.jwt.verify.publickey.location}) be a plain absolute path such as
 * {@code /etc/quire/idp.pem}: Payara's verifier only reads URLs and class path resources, and
 * would otherwise find no key and refuse every token without saying why. The path is offered to
 * every reader of the setting as the {@code file:} URL it means; URLs pass through untouched.
 */
public class KeyLocationPath implements ConfigSource {

    static final String PROPERTY = "mp.jwt.verify.publickey.location";
    private static final String VARIABLE = "MP_JWT_VERIFY_PUBLICKEY_LOCATION";

    @Override
    public String getValue(String name) {
        if (!PROPERTY.equals(name)) {
            return null;
        }
        String raw = System.getProperty(PROPERTY);
        if (raw == null) {
            raw = System.getenv(VARIABLE);
        }
        return asUrl(raw);
    }

    /** An absolute path as a file: URL; anything else is not this source's to answer. */
    static String asUrl(String location) {
        if (location == null || !location.strip().startsWith("/")) {
            return null;
        }
        return java.nio.file.Path.of(location.strip()).toUri().toString();
    }

    @Override
    public Set<String> getPropertyNames() {
        return getValue(PROPERTY) == null ? Set.of() : Set.of(PROPERTY);
    }

    @Override
    public Map<String, String> getProperties() {
        String value = getValue(PROPERTY);
        return value == null ? Map.of() : Map.of(PROPERTY, value);
    }

    /** Above system properties (400) and the environment (300), which hold the raw path. */
    @Override
    public int getOrdinal() {
        return 450;
    }

    @Override
    public String getName() {
        return "quire-key-location-path";
    }
}
