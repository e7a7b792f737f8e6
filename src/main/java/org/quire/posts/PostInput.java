package org.quire.posts;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.quire.platform.InputValidation;
import org.quire.platform.JsonApi;
import org.quire.platform.JsonFields;
import org.quire.platform.ProblemException;

/**
 * What a client may write on a post, as a whole: the body of POST and PUT, and what a PATCH
 * leaves after merging into the stored post. Absent optional fields are null (status: draft).
 */
public record PostInput(
        @NotBlank @Size(max = 200) String title,
        @NotNull String content,
        @NotNull PostStatus status,
        Integer categoryId,
        Integer authorId,
        @Size(min = 1, max = Slugs.MAX_LENGTH)
        @Pattern(regexp = Slugs.PATTERN, message = "must be lower-case letters and digits in groups joined by single '-'")
        String slug) {

    /** 1 MiB of UTF-8. */
    public static final int MAX_CONTENT_BYTES = 1024 * 1024;
    private static final Set<String> WRITABLE = Set.of("title", "content", "status", "categoryId", "authorId", "slug");

    public static PostInput from(JsonObject json, InputValidation validation) {
        JsonFields fields = JsonFields.of(json, WRITABLE);
        String title = fields.string("title");
        String content = fields.string("content");
        if (content != null && utf8Length(content) > MAX_CONTENT_BYTES) {
            fields.reject("content", "must be at most " + MAX_CONTENT_BYTES + " bytes (1 MiB) of UTF-8");
        }
        String statusName = fields.string("status");
        PostStatus status = statusName == null ? PostStatus.DRAFT : PostStatus.parse(statusName);
        if (status == null) {
            fields.reject("status", "must be one of " + PostStatus.ALLOWED);
            status = PostStatus.DRAFT;
        }
        PostInput input = new PostInput(title == null ? null : title.strip(), content, status,
                fields.id("categoryId"), fields.id("authorId"), fields.string("slug"));
        return validation.check(fields.errors(), input);
    }

    /** RFC 7396: {@code patch} merged into the stored post's writable fields, read as a whole input. */
    static PostInput merged(Post post, JsonValue patch, InputValidation validation) {
        JsonValue merged = JsonApi.PROVIDER.createMergePatch(patch).apply(of(post));
        if (merged.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ProblemException.invalid("body", "must be a JSON object");
        }
        return from(merged.asJsonObject(), validation);
    }

    /** The writable fields of a stored post, as a client would send them: the target of a merge patch. */
    private static JsonObject of(Post post) {
        JsonObjectBuilder json = JsonApi.PROVIDER.createObjectBuilder()
                .add("title", post.getTitle())
                .add("content", post.getContent())
                .add("status", post.getStatus().json())
                .add("slug", post.getSlug());
        if (post.getCategoryId() != null) {
            json.add("categoryId", post.getCategoryId());
        }
        if (post.getAuthorId() != null) {
            json.add("authorId", post.getAuthorId());
        }
        return json.build();
    }

    private static long utf8Length(String s) {
        long bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
