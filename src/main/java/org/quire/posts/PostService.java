package org.quire.posts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quire.categories.Category;
import org.quire.platform.FieldError;
import org.quire.platform.IfMatch;
import org.quire.platform.InputValidation;
import org.quire.platform.Page;
import org.quire.platform.ProblemException;
import org.quire.platform.ViolatedConstraint;
import org.quire.users.User;

/**
 * Posts: references that must exist, slugs that must be unique, and writes that never lose an
 * update. A write locks its row (SELECT … FOR UPDATE) before checking If-Match, so of two
 * concurrent writers with the same ETag exactly one wins, and writers without one queue up rather
 * than overwrite each other's version.
 */
@ApplicationScoped
@Transactional
public class PostService {

    /** Advisory-lock namespace for slug families ("Quir"), apart from any other user of advisory locks. */
    private static final int SLUG_LOCK_CLASS = 0x51756972;
    /** How many derived-slug candidates one query checks. */
    private static final int CANDIDATES_PER_QUERY = 50;
    private static final String AUTHOR_FOREIGN_KEY = "fk_posts_author";

    @PersistenceContext(unitName = "quire")
    EntityManager em;

    @Inject
    InputValidation validation;

    public Page<PostView> list(PostListQuery query, PostVisibility visibility) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (visibility == PostVisibility.PUBLISHED_ONLY) {
            conditions.add("p.status = :visible");
            parameters.put("visible", PostStatus.PUBLISHED);
        }
        if (query.status() != null) {
            conditions.add("p.status = :status");
            parameters.put("status", query.status());
        }
        if (query.categoryId() != null) {
            conditions.add("p.categoryId = :categoryId");
            parameters.put("categoryId", query.categoryId());
        }
        if (query.authorId() != null) {
            conditions.add("p.authorId = :authorId");
            parameters.put("authorId", query.authorId());
        }
        for (int i = 0; i < query.words().size(); i++) {
            conditions.add("(LOWER(p.title) LIKE :w" + i + " ESCAPE '\\' OR LOWER(p.content) LIKE :w" + i + " ESCAPE '\\')");
            parameters.put("w" + i, "%" + escapeLike(query.words().get(i)) + "%");
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);

        TypedQuery<Long> count = em.createQuery("SELECT COUNT(p) FROM Post p" + where, Long.class);
        TypedQuery<Post> rows = em.createQuery("SELECT p FROM Post p" + where + " ORDER BY " + query.sort().orderBy, Post.class);
        parameters.forEach(count::setParameter);
        parameters.forEach(rows::setParameter);
        return Page.fetch(count, rows, query.page()).map(PostView::of);
    }

    public Page<PostView> listInCategory(int categoryId, PostListQuery query, PostVisibility visibility) {
        if (em.find(Category.class, categoryId) == null) {
            throw ProblemException.notFound("No category with id " + categoryId + ".");
        }
        return list(query.inCategory(categoryId), visibility);
    }

    /** A post the caller cannot see does not exist for them: 404, as for an unknown id. */
    public PostView get(int id, PostVisibility visibility) {
        Post post = em.find(Post.class, id);
        if (post == null || !visibility.shows(post)) {
            throw notFound(id);
        }
        return PostView.of(post);
    }

    public PostView getBySlug(String slug, PostVisibility visibility) {
        List<Post> found = em.createQuery("SELECT p FROM Post p WHERE p.slug = :slug", Post.class)
                .setParameter("slug", slug).getResultList();
        if (found.isEmpty() || !visibility.shows(found.get(0))) {
            throw ProblemException.notFound("No post with slug '" + slug + "'.");
        }
        return PostView.of(found.get(0));
    }

    public PostView create(PostInput input) {
        References refs = references(input);
        String slug = claimSlug(input, null);
        Post post = new Post(input.title(), input.content(), input.status(), refs.category, refs.author, slug);
        em.persist(post);
        flush(input, slug);
        return PostView.of(post);
    }

    public PostView replace(int id, IfMatch ifMatch, PostInput input) {
        return revise(lockForWrite(id, ifMatch), input);
    }

    /** RFC 7396: the patch is merged into the post's writable fields and the result is a replace. */
    public PostView patch(int id, IfMatch ifMatch, JsonValue patch) {
        Post post = lockForWrite(id, ifMatch);
        JsonValue merged = Json.createMergePatch(patch).apply(PostInput.of(post));
        if (merged.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ProblemException.invalid("body", "must be a JSON object");
        }
        return revise(post, PostInput.from(merged.asJsonObject(), validation));
    }

    public void delete(int id, IfMatch ifMatch) {
        em.remove(lockForWrite(id, ifMatch));
        em.flush();
    }

    private PostView revise(Post post, PostInput input) {
        References refs = references(input);
        String slug = claimSlug(input, post);
        post.revise(input.title(), input.content(), input.status(), refs.category, refs.author, slug);
        flush(input, slug);
        return PostView.of(post);
    }

    private Post lockForWrite(int id, IfMatch ifMatch) {
        Post post = em.find(Post.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (post == null) {
            throw notFound(id);
        }
        if (!ifMatch.admits(post.getVersion())) {
            throw ProblemException.preconditionFailed("Post " + id + " has changed: its current ETag is "
                    + IfMatch.etag(post.getVersion()) + ". Fetch it again and retry.");
        }
        return post;
    }

    private record References(Category category, User author) {
    }

    private References references(PostInput input) {
        List<FieldError> missing = new ArrayList<>();
        Category category = null;
        User author = null;
        if (input.categoryId() != null) {
            category = em.find(Category.class, input.categoryId());
            if (category == null) {
                missing.add(new FieldError("categoryId", "no category with id " + input.categoryId()));
            }
        }
        if (input.authorId() != null) {
            author = em.find(User.class, input.authorId());
            if (author == null) {
                missing.add(new FieldError("authorId", "no user with id " + input.authorId()));
            }
        }
        if (!missing.isEmpty()) {
            throw ProblemException.invalid(missing);
        }
        return new References(category, author);
    }

    /**
     * The slug the post will have. Explicit: must be free (409 otherwise). Absent on create:
     * derived from the title, the first free of base, base-2, base-3, … Absent on replace: the
     * stored one stays. Every claim holds the advisory lock of the slug's family until commit, so
     * concurrent claims in one family are serialised and never pick the same slug.
     */
    private String claimSlug(PostInput input, Post current) {
        if (input.slug() == null && current != null) {
            return current.getSlug();
        }
        if (input.slug() != null) {
            if (current != null && input.slug().equals(current.getSlug())) {
                return input.slug();
            }
            lockFamily(input.slug());
            long holders = em.createQuery("SELECT COUNT(p) FROM Post p WHERE p.slug = :slug", Long.class)
                    .setParameter("slug", input.slug()).getSingleResult();
            if (holders > 0) {
                throw slugTaken(input.slug());
            }
            return input.slug();
        }
        String base = Slugs.derive(input.title());
        lockFamily(base);
        for (int from = 1; ; from += CANDIDATES_PER_QUERY) {
            List<String> candidates = Slugs.candidates(base, from, CANDIDATES_PER_QUERY);
            Set<String> taken = new HashSet<>(em.createQuery("SELECT p.slug FROM Post p WHERE p.slug IN :candidates", String.class)
                    .setParameter("candidates", candidates).getResultList());
            for (String candidate : candidates) {
                if (!taken.contains(candidate)) {
                    return candidate;
                }
            }
        }
    }

    private void lockFamily(String slug) {
        em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(?1, ?2)")
                .setParameter(1, SLUG_LOCK_CLASS)
                .setParameter(2, Slugs.family(slug).hashCode())
                .getSingleResult();
    }

    /** Writes now, so that a constraint the checks above could not foresee (a race) is answered in the domain's words. */
    private void flush(PostInput input, String slug) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (ViolatedConstraint.unique(e).isPresent()) {
                throw slugTaken(slug);
            }
            var foreignKey = ViolatedConstraint.foreignKey(e);
            if (foreignKey.isPresent()) {
                throw AUTHOR_FOREIGN_KEY.equals(foreignKey.get())
                        ? ProblemException.invalid("authorId", "no user with id " + input.authorId())
                        : ProblemException.invalid("categoryId", "no category with id " + input.categoryId());
            }
            throw e;
        }
    }

    private static ProblemException slugTaken(String slug) {
        return ProblemException.conflict("slug", "the slug '" + slug + "' is taken");
    }

    private static ProblemException notFound(int id) {
        return ProblemException.notFound("No post with id " + id + ".");
    }

    private static String escapeLike(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
