package org.quire.platform;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A list request's query string, read strictly: an unknown or repeated parameter is a 400 that
 * names it, and typed values are checked here, so that JAX-RS's own conversion (which answers a
 * bad query parameter with 404) never sees them.
 */
public final class QueryParameters {

    private final MultivaluedMap<String, String> raw;
    private final List<FieldError> errors = new ArrayList<>();

    private QueryParameters(MultivaluedMap<String, String> raw) {
        this.raw = raw;
    }

    public static QueryParameters of(MultivaluedMap<String, String> raw, Set<String> known) {
        QueryParameters params = new QueryParameters(raw);
        for (String name : new TreeSet<>(raw.keySet())) {
            if (!known.contains(name)) {
                // An unknown name is echoed back only when it is plain text.
                params.errors.add(Text.isPrintable(name) ? new FieldError(name, "is not a known query parameter")
                        : new FieldError("query", "has a parameter whose name is not printable text"));
            } else if (raw.get(name).size() > 1) {
                params.errors.add(new FieldError(name, "must be given at most once"));
            } else {
                String problem = Text.problem(raw.getFirst(name));
                if (problem != null) {
                    params.errors.add(new FieldError(name, problem));
                }
            }
        }
        return params;
    }

    /** The value, or null when the parameter is absent or is not text that can be used. */
    public String text(String name) {
        List<String> values = raw.get(name);
        return values == null || values.isEmpty() || Text.problem(values.get(0)) != null ? null : values.get(0);
    }

    /** A whole number within [min, max], the fallback when absent. */
    public Integer integer(String name, int min, int max, Integer fallback) {
        String value = text(name);
        if (value == null) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed < min || parsed > max) {
                errors.add(new FieldError(name, "must be between " + min + " and " + max));
                return fallback;
            }
            return (int) parsed;
        } catch (NumberFormatException notANumber) {
            errors.add(new FieldError(name, "must be a whole number"));
            return fallback;
        }
    }

    public void reject(String name, String message) {
        errors.add(new FieldError(name, message));
    }

    /** Throws the collected errors, if any, as one 400. */
    public void requireValid() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
