package org.quire.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageLinksTest {

    private static String links(int page, int size, long total, String uri) {
        return PageLinks.header(Page.of(List.of(), new PageRequest(page, size), total), URI.create(uri));
    }

    @Test
    void middlePageLinksToAllFour() {
        assertEquals("<http://h/api/posts?status=draft&size=2&page=1>; rel=\"first\", "
                        + "<http://h/api/posts?status=draft&size=2&page=1>; rel=\"prev\", "
                        + "<http://h/api/posts?status=draft&size=2&page=3>; rel=\"next\", "
                        + "<http://h/api/posts?status=draft&size=2&page=3>; rel=\"last\"",
                links(2, 2, 5, "http://h/api/posts?status=draft&page=2&size=2"));
    }

    @Test
    void firstAndOnlyPageHasNoPrevOrNext() {
        assertEquals("<http://h/api/users?page=1>; rel=\"first\", <http://h/api/users?page=1>; rel=\"last\"",
                links(1, 20, 3, "http://h/api/users"));
    }

    @Test
    void emptyListStillHasAFirstAndLastPage() {
        assertEquals("<http://h/x?page=1>; rel=\"first\", <http://h/x?page=1>; rel=\"last\"", links(1, 20, 0, "http://h/x"));
    }

    @Test
    void pagePastTheEndPointsBackToTheLastPage() {
        assertEquals("<http://h/x?page=1>; rel=\"first\", <http://h/x?page=3>; rel=\"prev\", <http://h/x?page=3>; rel=\"last\"",
                links(9, 2, 5, "http://h/x?page=9"));
    }

    @Test
    void keepsTheClientsEncodingOfFilters() {
        assertEquals("<http://h/x?q=caf%C3%A9%20bar&page=1>; rel=\"first\", <http://h/x?q=caf%C3%A9%20bar&page=1>; rel=\"last\"",
                links(1, 20, 1, "http://h/x?q=caf%C3%A9%20bar"));
    }

    @Test
    void totalPagesRoundUp() {
        assertEquals(3, Page.of(List.of(), new PageRequest(1, 2), 5).totalPages());
        assertEquals(0, Page.of(List.of(), new PageRequest(1, 2), 0).totalPages());
    }
}
