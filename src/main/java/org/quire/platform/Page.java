package org.quire.platform;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import java.util.function.Function;

/** One page of a list, as the contract shows it. A page past the end has no items and is not an error. */
@JsonbPropertyOrder({"items", "page", "size", "totalItems", "totalPages"})
public record Page<T>(List<T> items, int page, int size, long totalItems, long totalPages) {

    public static <T> Page<T> of(List<T> items, PageRequest request, long totalItems) {
        long totalPages = (totalItems + request.size() - 1) / request.size();
        return new Page<>(List.copyOf(items), request.page(), request.size(), totalItems, totalPages);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, totalItems, totalPages);
    }
}
