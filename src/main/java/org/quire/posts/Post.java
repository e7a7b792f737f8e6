package org.quire.posts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.quire.categories.Category;
import org.quire.platform.Clock;
import org.quire.users.User;

/**
 * A post. Its category and author are the seed's relationship()s, mapped read-only and never
 * loaded: a post is written and shown by the ids in its category_id and author_id columns.
 * {@code version} is JPA's optimistic lock and the post's ETag. The mapping states the schema in
 * full (indexes and names included) so the drift check can compare it with the changelog; what JPA
 * cannot state (ON DELETE actions, defaults, the trigram indexes behind q) the changelog alone holds.
 * EclipseLink writes a columnDefinition verbatim, so those carry their own "not null".
 */
@Entity
@Table(name = "posts", indexes = {
        @Index(name = "ix_posts_title", columnList = "title"),
        @Index(name = "ix_posts_category_id", columnList = "category_id"),
        @Index(name = Post.SLUG_INDEX, columnList = "slug", unique = true),
        @Index(name = "ix_posts_author_id", columnList = "author_id"),
        @Index(name = "ix_posts_created_at_id", columnList = "created_at, id"),
        @Index(name = "ix_posts_updated_at_id", columnList = "updated_at, id"),
        @Index(name = "ix_posts_title_id", columnList = "title, id"),
        @Index(name = "ix_posts_status_created_at_id", columnList = "status, created_at, id"),
        @Index(name = "ix_posts_category_id_created_at_id", columnList = "category_id, created_at, id"),
        @Index(name = "ix_posts_author_id_created_at_id", columnList = "author_id, created_at, id"),
        @Index(name = "ix_posts_status_category_id_created_at_id", columnList = "status, category_id, created_at, id"),
        @Index(name = "ix_posts_status_author_id_created_at_id", columnList = "status, author_id, created_at, id")})
public class Post {

    /** The unique index that makes slugs unique: a write it refuses took a slug another post holds. */
    static final String SLUG_INDEX = "ix_posts_slug";
    static final int TITLE_MAX_LENGTH = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    @Column(name = "title", nullable = false, length = TITLE_MAX_LENGTH)
    private String title;

    @Column(name = "content", nullable = false, columnDefinition = "text not null")
    private String content;

    @Column(name = "slug", length = Slugs.MAX_LENGTH)
    private String slug;

    @Column(name = "status", nullable = false, length = 50)
    private PostStatus status;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "category_id", insertable = false, updatable = false, foreignKey = @ForeignKey(name = "posts_category_id_fkey"))
    private Category category;

    @Column(name = "category_id")
    private Integer categoryId;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "author_id", insertable = false, updatable = false, foreignKey = @ForeignKey(name = "fk_posts_author"))
    private User author;

    @Column(name = "author_id")
    private Integer authorId;

    @Column(name = "created_at", nullable = false, updatable = false, columnDefinition = "timestamp with time zone not null")
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false, columnDefinition = "timestamp with time zone not null")
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private int version;

    protected Post() {
    }

    public Post(String title, String content, PostStatus status, Integer categoryId, Integer authorId, String slug) {
        this.createdAt = Clock.now();
        write(title, content, status, categoryId, authorId, slug);
        this.updatedAt = createdAt;
    }

    /** A full rewrite of what clients may change; stamps updatedAt (version moves at flush). */
    public void revise(String title, String content, PostStatus status, Integer categoryId, Integer authorId, String slug) {
        write(title, content, status, categoryId, authorId, slug);
        this.updatedAt = Clock.now();
    }

    /** The category and the author are referenced by id; their foreign keys refuse one that does not exist. */
    private void write(String title, String content, PostStatus status, Integer categoryId, Integer authorId, String slug) {
        if (title == null || title.isBlank() || title.length() > TITLE_MAX_LENGTH) {
            throw new IllegalArgumentException("a post title is 1.." + TITLE_MAX_LENGTH + " characters");
        }
        if (slug == null || !Slugs.isValid(slug)) {
            throw new IllegalArgumentException("a post needs a valid slug");
        }
        this.title = title;
        this.content = Objects.requireNonNull(content, "content");
        this.status = Objects.requireNonNull(status, "status");
        this.slug = slug;
        this.categoryId = categoryId;
        this.authorId = authorId;
    }

    public Integer getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getContent() {
        return content;
    }

    public String getSlug() {
        return slug;
    }

    public PostStatus getStatus() {
        return status;
    }

    public Integer getCategoryId() {
        return categoryId;
    }

    public Integer getAuthorId() {
        return authorId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public int getVersion() {
        return version;
    }
}
