package org.quire.posts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.quire.categories.Category;
import org.quire.platform.Page;
import org.quire.platform.PageRequest;
import org.quire.platform.ProblemException;

/**
 * Reading posts: one post, or a page of a list. Reads run outside any transaction (each statement
 * sees what is committed when it runs) and select views straight from the columns, so no entity is
 * built, tracked or cleaned up. A post the caller may not see does not exist for them.
 */
@ApplicationScoped
public class PostQueries {

    /**
     * From this offset on, a page is found by its ids first (an index-only scan of the sort's index)
     * and then read by primary key: reading and skipping thousands of whole rows costs ten times more.
     */
    static final int FIND_IDS_FIRST_FROM_OFFSET = 200;

    /**
     * A list the running totals cannot count (a search, or a category and an author together) is
     * counted by its ids: up to this many, found once, give both the total and the page. Only a
     * larger list is counted again over the posts.
     */
    static final int COUNT_IDS_UP_TO = 1000;

    @PersistenceContext(unitName = "quire")
    EntityManager em;

    @Inject
    PostCounts counts;

    public PostView get(int id, PostVisibility visibility) {
        return visible(em.createQuery(PostView.SELECT + " WHERE p.id = :id", PostView.class).setParameter("id", id).getResultList(),
                visibility).orElseThrow(() -> ProblemException.notFound("No post with id " + id + "."));
    }

    public PostView getBySlug(String slug, PostVisibility visibility) {
        if (!Slugs.isValid(slug)) {
            // No post can have it (and it is not echoed back: it may be anything a client typed).
            throw ProblemException.notFound("No post has that slug: a slug is lower-case letters, digits and single dashes.");
        }
        return visible(em.createQuery(PostView.SELECT + " WHERE p.slug = :slug", PostView.class).setParameter("slug", slug).getResultList(),
                visibility).orElseThrow(() -> ProblemException.notFound("No post with slug '" + slug + "'."));
    }

    public Page<PostView> list(PostListQuery query, PostVisibility visibility) {
        PostFilter filter = query.filter().visibleTo(visibility);
        if (filter.matchesNothing()) {
            return Page.empty(query.page());
        }
        PageRequest page = query.page();
        String orderBy = " ORDER BY " + query.sort().orderBy;
        OptionalLong total = counts.total(filter);
        if (total.isEmpty() && page.offset() < COUNT_IDS_UP_TO) {
            List<Integer> ids = ids(filter, orderBy).setMaxResults(COUNT_IDS_UP_TO + 1).getResultList();
            if (ids.size() <= COUNT_IDS_UP_TO) {
                int from = Math.toIntExact(page.offset());
                return Page.of(from >= ids.size() ? List.of() : byIds(ids.subList(from, Math.min(ids.size(), from + page.size()))), page, ids.size());
            }
        }
        return Page.fetch(() -> total.orElseGet(() -> count(filter)), page, slice -> slice(filter, orderBy, slice));
    }

    /** A category's posts: 404 for a category that does not exist, rather than an empty list. */
    public Page<PostView> listInCategory(int categoryId, PostListQuery query, PostVisibility visibility) {
        if (em.find(Category.class, categoryId) == null) {
            throw ProblemException.notFound("No category with id " + categoryId + ".");
        }
        return list(query.inCategory(categoryId), visibility);
    }

    private long count(PostFilter filter) {
        return filter.bind(em.createQuery("SELECT COUNT(p) FROM Post p" + filter.where(), Long.class)).getSingleResult();
    }

    private List<PostView> slice(PostFilter filter, String orderBy, PageRequest page) {
        if (page.offset() < FIND_IDS_FIRST_FROM_OFFSET) {
            return page.applyTo(filter.bind(em.createQuery(PostView.SELECT + filter.where() + orderBy, PostView.class))).getResultList();
        }
        return byIds(page.applyTo(ids(filter, orderBy)).getResultList());
    }

    /** The ids of the posts the filter selects, in the list's order (an index-only scan of the sort's index). */
    private TypedQuery<Integer> ids(PostFilter filter, String orderBy) {
        return filter.bind(em.createQuery("SELECT p.id FROM Post p" + filter.where() + orderBy, Integer.class));
    }

    /** The posts with these ids, in this order, read by primary key. */
    private List<PostView> byIds(List<Integer> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Integer, PostView> byId = em.createQuery(PostView.SELECT + " WHERE p.id IN :ids", PostView.class).setParameter("ids", ids)
                .getResultList().stream().collect(Collectors.toMap(PostView::id, Function.identity()));
        // A post deleted between the two statements is left out of the page rather than shown as a gap.
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    private static Optional<PostView> visible(List<PostView> found, PostVisibility visibility) {
        return found.stream().filter(post -> visibility == PostVisibility.EVERY_STATUS || post.isPublished()).findFirst();
    }
}
