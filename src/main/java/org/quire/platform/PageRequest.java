package org.quire.platform;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Set;

/** Which slice of a list a client asked for: {@code page} is 1-based, {@code size} 1..100, 20 by default. */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    public static final Set<String> PARAMETERS = Set.of("page", "size");

    public static PageRequest from(QueryParameters params) {
        int page = params.integer("page", 1, Integer.MAX_VALUE, 1);
        int size = params.integer("size", 1, MAX_SIZE, DEFAULT_SIZE);
        return new PageRequest(page, size);
    }

    /** The paging of a list that takes no other parameter: anything else in the query is a 400. */
    public static PageRequest only(MultivaluedMap<String, String> query) {
        QueryParameters params = QueryParameters.of(query, PARAMETERS);
        PageRequest request = from(params);
        params.requireValid();
        return request;
    }

    /** Offset of the first row; a long, because page * size can pass Integer.MAX_VALUE. */
    public long offset() {
        return (long) (page - 1) * size;
    }

    /** The query limited to this page's rows. Only called for a page that starts within the list, so the offset fits an int. */
    public <Q extends jakarta.persistence.Query> Q applyTo(Q query) {
        query.setFirstResult(Math.toIntExact(offset())).setMaxResults(size);
        return query;
    }
}
