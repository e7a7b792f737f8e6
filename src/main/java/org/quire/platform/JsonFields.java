package org.quire.platform;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Typed, strict access to the fields of a request object. Unknown fields are errors that name the
 * field; read-only fields (id, timestamps, version) are accepted and ignored, as the contract says.
 * Errors are collected so that one answer lists every field that is wrong.
 */
public final class JsonFields {

    /** Fields the server owns: sent back by clients that echo a representation, and ignored. */
    public static final Set<String> READ_ONLY = Set.of("id", "createdAt", "updatedAt", "version");

    private final JsonObject json;
    private final List<FieldError> errors = new ArrayList<>();

    private JsonFields(JsonObject json) {
        this.json = json;
    }

    public static JsonFields of(JsonObject json, Set<String> writable) {
        JsonFields fields = new JsonFields(json);
        json.keySet().stream()
                .filter(name -> !writable.contains(name) && !READ_ONLY.contains(name))
                .sorted()
                .forEach(name -> fields.errors.add(new FieldError(name, "is not a known field")));
        return fields;
    }

    /** The string value, or null when absent or JSON null. */
    public String string(String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        errors.add(new FieldError(name, "must be a string"));
        return null;
    }

    /** A positive whole number that fits an id, or null when absent or JSON null. */
    public Integer id(String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            var exact = number.bigDecimalValue();
            if (exact.signum() > 0 && exact.compareTo(java.math.BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
                return exact.intValueExact();
            }
            errors.add(new FieldError(name, "must be a positive id"));
            return null;
        }
        errors.add(new FieldError(name, "must be an integer id"));
        return null;
    }

    public void reject(String name, String message) {
        errors.add(new FieldError(name, message));
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }
}
