package org.quire.posts;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/** A post as clients see it; built inside the transaction from columns only, never from lazy relations. */
@JsonbPropertyOrder({"id", "title", "slug", "content", "status", "categoryId", "authorId", "createdAt", "updatedAt", "version"})
public record PostView(int id, String title, String slug, String content, String status, Integer categoryId,
                       Integer authorId, Instant createdAt, Instant updatedAt, int version) {

    static PostView of(Post post) {
        return new PostView(post.getId(), post.getTitle(), post.getSlug(), post.getContent(), post.getStatus().json(),
                post.getCategoryId(), post.getAuthorId(), post.getCreatedAt(), post.getUpdatedAt(), post.getVersion());
    }
}
