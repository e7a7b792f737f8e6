package org.quire.posts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.quire.categories.Category;
import org.quire.platform.EntityTags;
import org.quire.platform.FieldError;
import org.quire.platform.InputValidation;
import org.quire.platform.MergePatch;
import org.quire.platform.ProblemException;
import org.quire.platform.Transactions;
import org.quire.platform.ViolatedConstraint;
import org.quire.users.User;

/**
 * Writing posts: create, replace, merge-patch and delete, each in a transaction of its own. A write
 * to an existing post locks its row first (SELECT … FOR UPDATE) and only then compares If-Match,
 * so of two writers holding the same ETag exactly one wins, and writers without one queue up
 * rather than lose each other's version. References and slugs are left to the database's keys:
 * a write asks nothing before it writes, and a refused one is explained afterwards, in the
 * domain's words.
 */
@ApplicationScoped
public class PostService {

    /** How often a derived slug is tried when concurrent writers keep taking the one chosen. */
    static final int SLUG_ATTEMPTS = 10;

    @PersistenceContext(unitName = "quire")
    EntityManager em;

    @Inject
    Transactions transactions;

    @Inject
    SlugClaims slugs;

    @Inject
    InputValidation validation;

    /**
     * An explicit slug that is taken is a 409. A derived one that a concurrent writer took first is
     * derived again in a new transaction, queued behind the other writers of the same title.
     */
    public PostView create(PostInput input) {
        for (int attempt = 1; ; attempt++) {
            boolean queued = attempt > 1;
            try {
                return explained(() -> transactions.required(() -> insert(input, queued)));
            } catch (SlugTaken taken) {
                if (input.slug() != null || attempt == SLUG_ATTEMPTS) {
                    throw taken;
                }
            }
        }
    }

    public PostView replace(int id, EntityTags ifMatch, PostInput input) {
        return explained(() -> transactions.required(() -> revise(lockForWrite(id, ifMatch), input)));
    }

    /** RFC 7396: the patch is merged into the post's writable fields, and the result is a replace. */
    public PostView patch(int id, EntityTags ifMatch, MergePatch patch) {
        return explained(() -> transactions.required(() -> {
            Post post = lockForWrite(id, ifMatch);
            return revise(post, PostInput.merged(post, patch, validation.validator()));
        }));
    }

    public void delete(int id, EntityTags ifMatch) {
        transactions.required(() -> {
            em.remove(lockForWrite(id, ifMatch));
            em.flush();
            return null;
        });
    }

    private PostView insert(PostInput input, boolean queued) {
        String slug = input.slug() != null ? input.slug() : slugs.firstFree(Slugs.derive(input.title()), queued);
        Post post = new Post(input.title(), input.content(), input.status(), input.categoryId(), input.authorId(), slug);
        em.persist(post);
        flush(post);
        return PostView.of(post);
    }

    /** A stored slug stays unless the input names another. */
    private PostView revise(Post post, PostInput input) {
        String slug = input.slug() != null ? input.slug() : post.getSlug();
        post.revise(input.title(), input.content(), input.status(), input.categoryId(), input.authorId(), slug);
        flush(post);
        return PostView.of(post);
    }

    private Post lockForWrite(int id, EntityTags ifMatch) {
        Post post = em.find(Post.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (post == null) {
            throw ProblemException.notFound("No post with id " + id + ".");
        }
        if (!ifMatch.matches(post.getVersion())) {
            throw ProblemException.preconditionFailed("Post " + id + " has changed: its current ETag is "
                    + EntityTags.of(post.getVersion()) + ". Fetch it again and retry.");
        }
        return post;
    }

    /** Writes now, so that a key the database refuses is known while the post is at hand. */
    private void flush(Post post) {
        try {
            em.flush();
        } catch (PersistenceException refused) {
            if (ViolatedConstraint.unique(refused).filter(Post.SLUG_INDEX::equals).isPresent()) {
                throw new SlugTaken(post.getSlug());
            }
            if (ViolatedConstraint.foreignKey(refused).isPresent()) {
                throw new MissingReference(post.getCategoryId(), post.getAuthorId());
            }
            throw refused;
        }
    }

    /**
     * A write that named a category or a user that does not exist is rolled back by then; which
     * of the two (or both) is missing is read afterwards, so the answer names each field.
     */
    private PostView explained(Supplier<PostView> write) {
        try {
            return write.get();
        } catch (MissingReference missing) {
            List<FieldError> errors = new ArrayList<>();
            if (missing.categoryId != null && em.find(Category.class, missing.categoryId) == null) {
                errors.add(new FieldError("categoryId", "no category with id " + missing.categoryId));
            }
            if (missing.authorId != null && em.find(User.class, missing.authorId) == null) {
                errors.add(new FieldError("authorId", "no user with id " + missing.authorId));
            }
            if (errors.isEmpty()) {
                errors.add(new FieldError("categoryId", "the category or the author was deleted meanwhile"));
            }
            throw ProblemException.invalid(errors);
        }
    }

    /** The slug is held by another post (409); a derived one is tried again by {@link #create}. */
    static final class SlugTaken extends ProblemException {
        SlugTaken(String slug) {
            super(409, "Conflict", "slug: the slug '" + slug + "' is taken", List.of(new FieldError("slug", "the slug '" + slug + "' is taken")));
        }
    }

    /** A foreign key refused the write: the category or the author (or both) does not exist. */
    private static final class MissingReference extends RuntimeException {
        final Integer categoryId;
        final Integer authorId;

        MissingReference(Integer categoryId, Integer authorId) {
            super(null, null, false, false);
            this.categoryId = categoryId;
            this.authorId = authorId;
        }
    }
}
