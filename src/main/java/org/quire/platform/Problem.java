package org.quire.platform;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Every error answer of the API (RFC 9457, {@code application/problem+json}): the problem's type
 * (always {@code about:blank}), the status's title, what went wrong, the path asked for, and, for a
 * request that was wrong in its fields or parameters, one entry per field.
 */
@Schema(name = "Problem", description = "An error (RFC 9457, application/problem+json)",
        requiredProperties = {"type", "title", "status", "detail", "instance"})
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "errors"})
public record Problem(String type, String title, int status, String detail, String instance,
                      @JsonbNillable(false) List<FieldError> errors) {

    public static Problem of(int status, String title, String detail, String instance, List<FieldError> errors) {
        return new Problem("about:blank", title, status, detail, instance, errors.isEmpty() ? null : List.copyOf(errors));
    }
}
