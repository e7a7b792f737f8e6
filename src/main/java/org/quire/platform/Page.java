package org.quire.platform;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;

/** One page of a list, as the contract shows it. A page past the end has no items and is not an error. */
@JsonbPropertyOrder({"items", "page", "size", "totalItems", "totalPages"})
public record Page<T>(List<T> items, int page, int size, long totalItems, long totalPages) {

    public static <T> Page<T> of(List<T> items, PageRequest request, long totalItems) {
        long totalPages = (totalItems + request.size() - 1) / request.size();
        return new Page<>(List.copyOf(items), request.page(), request.size(), totalItems, totalPages);
    }

    /**
     * Runs a list as the API pages it: the total, then the requested slice (not asked for when it
     * lies past the end). The number of statements does not depend on the page size or the data.
     */
    public static <T> Page<T> fetch(LongSupplier total, PageRequest request, Function<PageRequest, List<T>> slice) {
        long totalItems = total.getAsLong();
        if (request.offset() >= totalItems) {
            return of(List.of(), request, totalItems);
        }
        return of(slice.apply(request), request, totalItems);
    }

    /** The common case: a count query and a query of the rows in their order. */
    public static <T> Page<T> fetch(TypedQuery<Long> count, TypedQuery<T> rows, PageRequest request) {
        return fetch(count::getSingleResult, request, slice -> slice.applyTo(rows).getResultList());
    }

    public static <T> Page<T> empty(PageRequest request) {
        return of(List.of(), request, 0);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, totalItems, totalPages);
    }
}
