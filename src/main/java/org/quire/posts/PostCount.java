package org.quire.posts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import org.eclipse.persistence.annotations.ReadOnly;

/**
 * A share of one running total of posts: how many posts of one status are in a scope ('all', a
 * category or an author), in one of the shards the total is split over. The database keeps these
 * rows, by triggers on posts in the same transaction as the posts they count (changeset
 * 013-count-posts); Quire only reads them, through {@link PostCounts}.
 */
@Entity
@ReadOnly
@Table(name = "post_counts")
@IdClass(PostCount.Key.class)
public class PostCount {

    static final String ALL = "all";
    static final String CATEGORY = "category";
    static final String AUTHOR = "author";

    @Id
    @Column(name = "scope", nullable = false, length = 10)
    private String scope;

    @Id
    @Column(name = "scope_id", nullable = false)
    private int scopeId;

    /** Stored as the status column holds it; a converter does not apply to key attributes. */
    @Id
    @Column(name = "status", nullable = false, length = 50)
    private String status;

    @Id
    @Column(name = "shard", nullable = false)
    private short shard;

    @Column(name = "posts", nullable = false)
    private long posts;

    protected PostCount() {
    }

    /** The composite primary key. */
    public static class Key implements Serializable {
        private String scope;
        private int scopeId;
        private String status;
        private short shard;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && scope.equals(key.scope) && scopeId == key.scopeId && status.equals(key.status)
                    && shard == key.shard;
        }

        @Override
        public int hashCode() {
            return Objects.hash(scope, scopeId, status, shard);
        }
    }
}
