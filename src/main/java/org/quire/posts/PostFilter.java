package org.quire.posts;

import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;

/**
 * Which posts a list selects: exact status, category and author, and words that must each appear
 * in the title or the content; all combine with AND. Applied to a caller, it also says which
 * posts exist for them at all ({@link #visibleTo}), so that counts and pages agree.
 */
record PostFilter(PostStatus status, Integer categoryId, Integer authorId, List<String> words, boolean matchesNothing) {

    PostFilter(PostStatus status, Integer categoryId, Integer authorId, List<String> words) {
        this(status, categoryId, authorId, List.copyOf(words), false);
    }

    /** For anonymous callers only published posts exist: a list of another status is empty without asking the database. */
    PostFilter visibleTo(PostVisibility visibility) {
        if (visibility == PostVisibility.EVERY_STATUS) {
            return this;
        }
        boolean otherStatus = status != null && status != PostStatus.PUBLISHED;
        return new PostFilter(PostStatus.PUBLISHED, categoryId, authorId, words, matchesNothing || otherStatus);
    }

    /** The JPQL conditions on {@code p} (a Post), with a leading WHERE, or nothing. */
    String where() {
        List<String> conditions = new ArrayList<>();
        if (status != null) {
            conditions.add("p.status = :status");
        }
        if (categoryId != null) {
            conditions.add("p.categoryId = :categoryId");
        }
        if (authorId != null) {
            conditions.add("p.authorId = :authorId");
        }
        for (int i = 0; i < words.size(); i++) {
            // The content's trigram index is on the text as written (changeset 015), so the database
            // tries the word as typed first and lowers a candidate's whole text (ILIKE) only when
            // that fails. The words are lower case, so together this is lower(content) LIKE.
            String word = ":w" + i;
            conditions.add("(LOWER(p.title) LIKE " + word + " ESCAPE '\\' OR p.content LIKE " + word + " ESCAPE '\\'"
                    + " OR SQL('? ILIKE ? ESCAPE ''\\''', p.content, " + word + "))");
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** Binds the parameters {@link #where()} names. */
    <Q extends Query> Q bind(Q query) {
        if (status != null) {
            query.setParameter("status", status);
        }
        if (categoryId != null) {
            query.setParameter("categoryId", categoryId);
        }
        if (authorId != null) {
            query.setParameter("authorId", authorId);
        }
        for (int i = 0; i < words.size(); i++) {
            query.setParameter("w" + i, "%" + escapeLike(words.get(i)) + "%");
        }
        return query;
    }

    /** A word matches as a literal substring: LIKE's wildcards in it are escaped. */
    private static String escapeLike(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
