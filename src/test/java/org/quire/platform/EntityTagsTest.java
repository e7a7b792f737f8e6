package org.quire.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EntityTagsTest {

    @Test
    void etagIsTheQuotedVersion() {
        assertEquals("\"12\"", EntityTags.of(12));
    }

    @Test
    void absentIfMatchOrStarAdmitsAnyVersion() {
        assertTrue(EntityTags.ifMatch(null).matches(7));
        assertTrue(EntityTags.ifMatch(" ").matches(7));
        assertTrue(EntityTags.ifMatch("*").matches(7));
    }

    @Test
    void ifMatchAdmitsTheListedStrongTagsOnly() {
        assertTrue(EntityTags.ifMatch("\"3\"").matches(3));
        assertFalse(EntityTags.ifMatch("\"3\"").matches(4));
        assertTrue(EntityTags.ifMatch("\"1\", \"4\"").matches(4));
        assertFalse(EntityTags.ifMatch("W/\"3\"").matches(3), "If-Match compares strongly");
    }

    @Test
    void unreadableOrForeignTagsMatchNothing() {
        for (String garbage : new String[] {"3", "\"abc\"", "\"\"", "\"99999999999999\"", "\u0000", "\"3", ",,,", "W/"}) {
            assertFalse(EntityTags.ifMatch(garbage).matches(3), garbage);
            assertFalse(EntityTags.ifNoneMatch(garbage).matches(3), garbage);
        }
    }

    @Test
    void ifNoneMatchComparesWeaklyAndMatchesNothingWhenAbsent() {
        assertFalse(EntityTags.ifNoneMatch(null).matches(1));
        assertTrue(EntityTags.ifNoneMatch("\"2\"").matches(2));
        assertTrue(EntityTags.ifNoneMatch("W/\"2\"").matches(2));
        assertTrue(EntityTags.ifNoneMatch("\"1\", W/\"2\"").matches(2));
        assertTrue(EntityTags.ifNoneMatch("*").matches(2));
        assertFalse(EntityTags.ifNoneMatch("\"1\"").matches(2));
    }
}
