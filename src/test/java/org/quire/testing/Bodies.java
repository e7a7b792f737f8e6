package org.quire.testing;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;

/**
 * Request bodies as a test means them: {@code object("title", "Hello", "authorId", 7)} is the JSON
 * object {@code {"title":"Hello","authorId":7}}, with every value typed as the Java value is
 * ({@code null} becomes JSON null). Bodies that are deliberately not valid JSON stay literal strings
 * in the tests that send them, so the two never blur.
 */
public final class Bodies {

    private Bodies() {
    }

    /** A JSON object from name, value pairs, in order. */
    public static String object(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        JsonObjectBuilder object = Json.createObjectBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            object.add((String) namesAndValues[i], value(namesAndValues[i + 1]));
        }
        return object.build().toString();
    }

    /** The JSON form of a Java value, as {@link #object} writes it. */
    public static JsonValue value(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        } else if (value instanceof JsonValue json) {
            return json;
        } else if (value instanceof String text) {
            return Json.createValue(text);
        } else if (value instanceof Integer || value instanceof Long) {
            return Json.createValue(((Number) value).longValue());
        } else if (value instanceof Double number) {
            return Json.createValue(BigDecimal.valueOf(number));
        } else if (value instanceof BigDecimal number) {
            return Json.createValue(number);
        } else if (value instanceof Boolean flag) {
            return flag ? JsonValue.TRUE : JsonValue.FALSE;
        } else if (value instanceof List<?> items) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            items.forEach(item -> array.add(value(item)));
            return array.build();
        }
        throw new IllegalArgumentException("no JSON form for " + value.getClass());
    }
}
