package org.quire.platform;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One thing wrong with one field or parameter of a request: the {@code errors[]} entries of a problem. */
@Schema(name = "FieldError", requiredProperties = {"field", "message"})
public record FieldError(String field, String message) {
}
