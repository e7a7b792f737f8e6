package org.quire.posts;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where a post is in its life. Stored and shown in lower case, as the seed's status column holds it. */
public enum PostStatus {
    DRAFT, PUBLISHED, ARCHIVED;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What a client may name, for an error that lists them. */
    static String allowed() {
        return Arrays.stream(values()).map(PostStatus::json).collect(Collectors.joining(", "));
    }

    /** The status named by a client, or null if it names none. */
    public static PostStatus parse(String value) {
        for (PostStatus status : values()) {
            if (status.json().equals(value)) {
                return status;
            }
        }
        return null;
    }

    @Converter(autoApply = true)
    public static class ColumnConverter implements AttributeConverter<PostStatus, String> {
        @Override
        public String convertToDatabaseColumn(PostStatus status) {
            return status == null ? null : status.json();
        }

        @Override
        public PostStatus convertToEntityAttribute(String value) {
            return value == null ? null : PostStatus.valueOf(value.toUpperCase(Locale.ROOT));
        }
    }
}
