package org.quire.posts;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.quire.platform.PageRequest;
import org.quire.platform.QueryParameters;

/** A post list request: filters that combine with AND, one sort, one page. */
public record PostListQuery(PostStatus status, Integer categoryId, Integer authorId, List<String> words,
                            Sort sort, PageRequest page) {

    /** Longer searches are refused rather than turned into very long scans. */
    static final int MAX_WORDS = 10;
    static final int MAX_QUERY_LENGTH = 200;

    /** Where the list is asked for: /api/posts, or a category's /posts, which fixes the category itself. */
    public enum Scope { ALL, CATEGORY }

    /** The sorts clients may ask for; ties are broken by id in the same direction, so pages are stable. */
    public enum Sort {
        CREATED_AT("createdAt", "p.createdAt ASC, p.id ASC"),
        CREATED_AT_DESC("-createdAt", "p.createdAt DESC, p.id DESC"),
        UPDATED_AT("updatedAt", "p.updatedAt ASC, p.id ASC"),
        UPDATED_AT_DESC("-updatedAt", "p.updatedAt DESC, p.id DESC"),
        TITLE("title", "p.title ASC, p.id ASC"),
        TITLE_DESC("-title", "p.title DESC, p.id DESC");

        final String parameter;
        final String orderBy;

        Sort(String parameter, String orderBy) {
            this.parameter = parameter;
            this.orderBy = orderBy;
        }

        static Sort parse(String value) {
            return Arrays.stream(values()).filter(s -> s.parameter.equals(value)).findFirst().orElse(null);
        }

        static String allowed() {
            return String.join(", ", Arrays.stream(values()).map(s -> s.parameter).toList());
        }
    }

    public static PostListQuery from(MultivaluedMap<String, String> raw, Scope scope) {
        Set<String> known = new HashSet<>(PageRequest.PARAMETERS);
        known.addAll(Set.of("status", "authorId", "q", "sort"));
        if (scope == Scope.ALL) {
            known.add("categoryId");
        }
        QueryParameters params = QueryParameters.of(raw, known);

        String statusName = params.text("status");
        PostStatus status = statusName == null ? null : PostStatus.parse(statusName);
        if (statusName != null && status == null) {
            params.reject("status", "must be one of " + PostStatus.allowed());
        }
        Integer categoryId = params.integer("categoryId", 1, Integer.MAX_VALUE, null);
        Integer authorId = params.integer("authorId", 1, Integer.MAX_VALUE, null);

        String q = params.text("q");
        List<String> words = List.of();
        if (q != null) {
            if (q.length() > MAX_QUERY_LENGTH) {
                params.reject("q", "must be at most " + MAX_QUERY_LENGTH + " characters");
            } else {
                words = Arrays.stream(q.strip().split("\\s+")).filter(w -> !w.isEmpty())
                        .map(w -> w.toLowerCase(Locale.ROOT)).distinct().toList();
                if (words.size() > MAX_WORDS) {
                    params.reject("q", "must have at most " + MAX_WORDS + " words");
                    words = List.of();
                }
            }
        }

        String sortName = params.text("sort");
        Sort sort = sortName == null ? Sort.CREATED_AT_DESC : Sort.parse(sortName);
        if (sort == null) {
            params.reject("sort", "must be one of " + Sort.allowed());
        }
        PageRequest page = PageRequest.from(params);
        params.requireValid();
        return new PostListQuery(status, categoryId, authorId, words, sort, page);
    }

    PostListQuery inCategory(int id) {
        return new PostListQuery(status, id, authorId, words, sort, page);
    }

    PostFilter filter() {
        return new PostFilter(status, categoryId, authorId, words);
    }
}
