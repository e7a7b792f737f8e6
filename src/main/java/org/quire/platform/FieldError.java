package org.quire.platform;

/** One thing wrong with one field of a request: the {@code errors[]} entries of a problem. */
public record FieldError(String field, String message) {
}
