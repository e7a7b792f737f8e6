package org.quire.posts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The slug a new post derives from its title: the first of {@code base}, {@code base-2},
 * {@code base-3}, … that no post holds. The unique index ix_posts_slug is the judge: when a
 * concurrent writer takes the same slug first, the insert fails and {@link PostService} tries again
 * in a new transaction, this time queued behind the other writers of that base (an advisory lock
 * held to commit), so that they take its next slugs one after another.
 */
@ApplicationScoped
public class SlugClaims {

    /** Advisory-lock namespace for slug bases ("Quir"), apart from any other user of advisory locks. */
    private static final int SLUG_LOCK_CLASS = 0x51756972;
    /** How many candidates one query checks, after the base alone (a new title's slug is usually free). */
    private static final int CANDIDATES_PER_QUERY = 50;

    @PersistenceContext(unitName = "quire")
    EntityManager em;

    String firstFree(String base, boolean queue) {
        if (queue) {
            em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(?1, ?2)")
                    .setParameter(1, SLUG_LOCK_CLASS)
                    .setParameter(2, base.hashCode())
                    .getSingleResult();
        }
        for (int from = 1, count = 1; ; from += count, count = CANDIDATES_PER_QUERY) {
            List<String> candidates = Slugs.candidates(base, from, count);
            Set<String> taken = new HashSet<>(em.createQuery("SELECT p.slug FROM Post p WHERE p.slug IN :candidates", String.class)
                    .setParameter("candidates", candidates).getResultList());
            for (String candidate : candidates) {
                if (!taken.contains(candidate)) {
                    return candidate;
                }
            }
        }
    }
}
