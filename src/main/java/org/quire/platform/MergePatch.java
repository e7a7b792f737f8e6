package org.quire.platform;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A JSON merge patch (RFC 7396), read as strictly as any body, to be applied to a stored record's input. */
@Schema(hidden = true)
public record MergePatch(JsonValue document) {

    /** {@code target} with this patch merged in; a patch that leaves no object is a 400. */
    public JsonObject applyTo(JsonObject target) {
        JsonValue merged = JsonApi.PROVIDER.createMergePatch(document).apply(target);
        if (merged.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ProblemException.invalid("body", "must be a JSON object");
        }
        return merged.asJsonObject();
    }
}
