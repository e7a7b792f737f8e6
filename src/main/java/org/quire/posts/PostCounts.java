package org.quire.posts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.OptionalLong;

/**
 * How many posts a list selects, read from the running totals ({@link PostCount}) where they can
 * answer: any one of status, category and author, or status with one of the other two. A search
 * (q) or a list filtered by category and author together is counted over the posts themselves.
 */
@ApplicationScoped
public class PostCounts {

    @PersistenceContext(unitName = "quire")
    EntityManager em;

    /** The total from the running totals, or empty when they cannot answer for this filter. */
    OptionalLong total(PostFilter filter) {
        if (!filter.words().isEmpty() || (filter.categoryId() != null && filter.authorId() != null)) {
            return OptionalLong.empty();
        }
        String scope = filter.categoryId() != null ? PostCount.CATEGORY : filter.authorId() != null ? PostCount.AUTHOR : PostCount.ALL;
        int scopeId = filter.categoryId() != null ? filter.categoryId() : filter.authorId() != null ? filter.authorId() : 0;
        TypedQuery<Number> sum = em.createQuery("SELECT COALESCE(SUM(c.posts), 0) FROM PostCount c WHERE c.scope = :scope AND c.scopeId = :scopeId"
                        + (filter.status() == null ? "" : " AND c.status = :status"), Number.class)
                .setParameter("scope", scope)
                .setParameter("scopeId", scopeId);
        if (filter.status() != null) {
            sum.setParameter("status", filter.status().json());
        }
        // PostgreSQL sums a bigint as a numeric.
        return OptionalLong.of(sum.getSingleResult().longValue());
    }
}
