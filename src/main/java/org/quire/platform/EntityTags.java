package org.quire.platform;

import java.util.HashSet;
import java.util.Set;

/**
 * The ETag of a versioned record ({@code "<version>"}) and the conditional headers that quote it
 * (RFC 9110 §13.1). {@code If-Match} compares strongly, so a weak tag never matches, and an absent
 * header admits any version (last writer wins). {@code If-None-Match} compares weakly, and an absent
 * header matches nothing. A tag this server never issued, or a header it cannot read, matches
 * nothing: a garbled precondition is never an error, and never lets a stale write through.
 */
public final class EntityTags {

    private static final EntityTags ANY = new EntityTags(true, Set.of());
    private static final EntityTags NONE = new EntityTags(false, Set.of());

    private final boolean any;
    private final Set<Integer> versions;

    private EntityTags(boolean any, Set<Integer> versions) {
        this.any = any;
        this.versions = versions;
    }

    /** The ETag header value of a record at {@code version}. */
    public static String of(int version) {
        return "\"" + version + "\"";
    }

    /** What an If-Match header admits. */
    public static EntityTags ifMatch(String header) {
        return header == null || header.isBlank() ? ANY : parse(header, false);
    }

    /** What an If-None-Match header lists as the versions the client already has. */
    public static EntityTags ifNoneMatch(String header) {
        return header == null || header.isBlank() ? NONE : parse(header, true);
    }

    public boolean matches(int version) {
        return any || versions.contains(version);
    }

    private static EntityTags parse(String header, boolean weakComparison) {
        if (header.strip().equals("*")) {
            return ANY;
        }
        Set<Integer> versions = new HashSet<>();
        for (String listed : header.split(",")) {
            String tag = listed.strip();
            if (weakComparison && tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.length() >= 3 && tag.length() <= 12 && tag.startsWith("\"") && tag.endsWith("\"")) {
                try {
                    versions.add(Integer.parseInt(tag.substring(1, tag.length() - 1)));
                } catch (NumberFormatException notOurs) {
                    // A tag this server never issued: it matches nothing.
                }
            }
        }
        return versions.isEmpty() ? NONE : new EntityTags(false, Set.copyOf(versions));
    }
}
