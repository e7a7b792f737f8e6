package org.quire.posts;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.quire.platform.InputRecords;
import org.quire.platform.MaxUtf8Bytes;
import org.quire.platform.MergePatch;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a client may write on a post, as a whole: the body of POST and PUT, and what a PATCH leaves
 * once merged into the stored post. Each field and its rules are declared here once; reading,
 * validation, error field names and the OpenAPI schema all come from this declaration.
 */
@Schema(name = "PostInput", description = "What a client writes on a post")
public record PostInput(
        @Schema(required = true) @NotBlank @Size(max = Post.TITLE_MAX_LENGTH) String title,
        @Schema(required = true, description = "At most 1 MiB of UTF-8; may be empty") @NotNull @MaxUtf8Bytes(PostInput.CONTENT_MAX_BYTES)
        String content,
        @Schema(description = "draft when absent") PostStatus status,
        Integer categoryId,
        Integer authorId,
        @Schema(description = "Derived from the title when absent on create; kept when absent on replace")
        @Size(min = 1, max = Slugs.MAX_LENGTH)
        @Pattern(regexp = Slugs.PATTERN, message = "must be lower-case letters and digits in groups joined by single '-'")
        String slug) {

    /** 1 MiB of UTF-8. */
    public static final int CONTENT_MAX_BYTES = 1024 * 1024;

    /**
     * A title is trimmed; a post without a status is a draft. (Written out rather than compact, so
     * that the components' constraints stay on the fields: Payara's OpenAPI scanner fails on
     * constraints it finds on constructor parameters.)
     */
    public PostInput(String title, String content, PostStatus status, Integer categoryId, Integer authorId, String slug) {
        this.title = title == null ? null : title.strip();
        this.content = content;
        this.status = status == null ? PostStatus.DRAFT : status;
        this.categoryId = categoryId;
        this.authorId = authorId;
        this.slug = slug;
    }

    /** RFC 7396: the patch merged into the stored post's writable fields, read and judged as a whole input. */
    static PostInput merged(Post post, MergePatch patch, Validator validator) {
        PostInput stored = new PostInput(post.getTitle(), post.getContent(), post.getStatus(), post.getCategoryId(),
                post.getAuthorId(), post.getSlug());
        return InputRecords.read(patch.applyTo(InputRecords.write(stored)), PostInput.class, validator);
    }
}
