package org.quire.platform;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The RFC 8288 Link header of a page: first and last always, prev and next where they exist. Each
 * link is the request's own absolute URI with only {@code page} replaced, so filters, sort and size
 * carry over exactly as the client encoded them (the raw query is reused, never decoded and
 * re-encoded).
 */
public final class PageLinks {

    private PageLinks() {
    }

    public static Response ok(Page<?> page, URI requestUri) {
        return Response.ok(page).header("Link", header(page, requestUri)).build();
    }

    static String header(Page<?> page, URI requestUri) {
        long last = Math.max(1, page.totalPages());
        String base = requestUri.getScheme() + "://" + requestUri.getRawAuthority() + requestUri.getRawPath();
        List<String> kept = requestUri.getRawQuery() == null ? List.of()
                : Arrays.stream(requestUri.getRawQuery().split("&"))
                        .filter(part -> !part.isEmpty() && !part.equals("page") && !part.startsWith("page="))
                        .toList();
        List<String> links = new ArrayList<>();
        links.add(link(base, kept, 1, "first"));
        if (page.page() > 1) {
            links.add(link(base, kept, Math.min(page.page() - 1, last), "prev"));
        }
        if (page.page() < last) {
            links.add(link(base, kept, page.page() + 1, "next"));
        }
        links.add(link(base, kept, last, "last"));
        return String.join(", ", links);
    }

    private static String link(String base, List<String> kept, long page, String rel) {
        List<String> query = new ArrayList<>(kept);
        query.add("page=" + page);
        return "<" + base + "?" + String.join("&", query) + ">; rel=\"" + rel + "\"";
    }
}
