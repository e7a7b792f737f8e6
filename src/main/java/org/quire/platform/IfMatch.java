package org.quire.platform;

import java.util.HashSet;
import java.util.Set;

/**
 * An {@code If-Match} precondition on a versioned record (RFC 9110 §13.1.1). ETags are the
 * version in quotes; comparison is strong, so a weak tag never matches. An absent header admits
 * any version (last writer wins); a malformed one admits none.
 */
public final class IfMatch {

    private static final IfMatch ANY = new IfMatch(true, Set.of());

    private final boolean any;
    private final Set<Integer> versions;

    private IfMatch(boolean any, Set<Integer> versions) {
        this.any = any;
        this.versions = versions;
    }

    public static IfMatch parse(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return ANY;
        }
        Set<Integer> versions = new HashSet<>();
        for (String tag : header.split(",")) {
            String t = tag.trim();
            if (t.length() >= 3 && t.startsWith("\"") && t.endsWith("\"")) {
                try {
                    versions.add(Integer.parseInt(t.substring(1, t.length() - 1)));
                } catch (NumberFormatException notOurs) {
                    // An ETag we never issued: it matches nothing.
                }
            }
        }
        return new IfMatch(false, Set.copyOf(versions));
    }

    public boolean admits(int currentVersion) {
        return any || versions.contains(currentVersion);
    }

    public static String etag(int version) {
        return "\"" + version + "\"";
    }
}
