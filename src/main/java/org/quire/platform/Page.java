package org.quire.platform;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.function.Function;

/** One page of a list, as the contract shows it. A page past the end has no items and is not an error. */
@JsonbPropertyOrder({"items", "page", "size", "totalItems", "totalPages"})
public record Page<T>(List<T> items, int page, int size, long totalItems, long totalPages) {

    public static <T> Page<T> of(List<T> items, PageRequest request, long totalItems) {
        long totalPages = (totalItems + request.size() - 1) / request.size();
        return new Page<>(List.copyOf(items), request.page(), request.size(), totalItems, totalPages);
    }

    /**
     * Runs a list as the API pages it: the count, then the requested slice in the query's order
     * (skipped when the page lies past the end). Two statements at most, whatever the page size.
     */
    public static <E> Page<E> fetch(TypedQuery<Long> count, TypedQuery<E> rows, PageRequest request) {
        long total = count.getSingleResult();
        if (request.offset() >= total) {
            return of(List.of(), request, total);
        }
        List<E> slice = rows.setFirstResult((int) request.offset()).setMaxResults(request.size()).getResultList();
        return of(slice, request, total);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, totalItems, totalPages);
    }
}
