package org.quire.posts;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A post as clients see it; built from columns only, never from lazy relations. */
@JsonbPropertyOrder({"id", "title", "slug", "content", "status", "categoryId", "authorId", "createdAt", "updatedAt", "version"})
@Schema(name = "PostView", description = "A post")
public record PostView(int id, String title, String slug, String content, @Schema(ref = "PostStatus") String status, Integer categoryId,
                       Integer authorId, @Schema(type = SchemaType.STRING, format = "date-time") Instant createdAt,
                       @Schema(type = SchemaType.STRING, format = "date-time") Instant updatedAt, int version) {

    /** What {@link PostQueries} selects: a post's columns as JPQL reads them, without building the entity. */
    static final String SELECT = "SELECT NEW org.quire.posts.PostView(p.id, p.title, p.slug, p.content, p.status, p.categoryId,"
            + " p.authorId, p.createdAt, p.updatedAt, p.version) FROM Post p";

    public PostView(Integer id, String title, String slug, String content, PostStatus status, Integer categoryId,
                    Integer authorId, Instant createdAt, Instant updatedAt, int version) {
        this(id.intValue(), title, slug, content, status.json(), categoryId, authorId, createdAt, updatedAt, version);
    }

    static PostView of(Post post) {
        return new PostView(post.getId(), post.getTitle(), post.getSlug(), post.getContent(), post.getStatus(),
                post.getCategoryId(), post.getAuthorId(), post.getCreatedAt(), post.getUpdatedAt(), post.getVersion());
    }

    boolean isPublished() {
        return PostStatus.PUBLISHED.json().equals(status);
    }
}
