package org.quire.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IfMatchTest {

    @Test
    void absentHeaderOrStarAdmitsAnyVersion() {
        assertTrue(IfMatch.parse(null).admits(7));
        assertTrue(IfMatch.parse("*").admits(7));
    }

    @Test
    void strongTagsAdmitTheirVersionOnly() {
        assertTrue(IfMatch.parse("\"3\"").admits(3));
        assertFalse(IfMatch.parse("\"3\"").admits(4));
        assertTrue(IfMatch.parse("\"1\", \"4\"").admits(4));
    }

    @Test
    void weakOrForeignTagsAdmitNothing() {
        assertFalse(IfMatch.parse("W/\"3\"").admits(3));
        assertFalse(IfMatch.parse("3").admits(3));
        assertFalse(IfMatch.parse("\"abc\"").admits(3));
    }

    @Test
    void etagIsTheQuotedVersion() {
        assertEquals("\"12\"", IfMatch.etag(12));
    }
}
