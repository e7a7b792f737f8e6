package org.quire.posts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void lowerCasesAndJoinsWordsWithSingleDashes() {
        assertEquals("hello-world", Slugs.derive("Hello, World!"));
        assertEquals("a-b-c", Slugs.derive("  a -- b__c  "));
        assertEquals("release-2-0", Slugs.derive("Release 2.0"));
    }

    @Test
    void transliteratesCyrillic() {
        assertEquals("privet-mir", Slugs.derive("Привет, мир!"));
        assertEquals("shchuka-i-ezh", Slugs.derive("Щука и ёж"));
        assertEquals("kiyiv-ukrayina", Slugs.derive("Київ Україна"));
        assertEquals("y", Slugs.derive("и\u0306"), "a decomposed й is still й");
        assertEquals("obyavlenie", Slugs.derive("Объявление"));
        assertEquals("tsarskaya-khata", Slugs.derive("Царская хата"));
    }

    @Test
    void stripsAccentsFromOtherScriptsLetters() {
        assertEquals("creme-brulee", Slugs.derive("Crème Brûlée"));
        assertEquals("strasse-cafe", Slugs.derive("Straße Café"));
        assertEquals("lodz", Slugs.derive("Łódź"));
    }

    @Test
    void whatHasNothingUsableBecomesPost() {
        assertEquals("post", Slugs.derive("!!! ???"));
        assertEquals("post", Slugs.derive("日本語"));
    }

    @Test
    void isTrimmedTo200CharactersWithoutATrailingDash() {
        String slug = Slugs.derive("a".repeat(199) + " b");
        assertEquals("a".repeat(199), slug);
        assertEquals(200, Slugs.derive("x".repeat(300)).length());
    }

    @Test
    void candidatesNumberFromTwoAndStayWithin200Characters() {
        assertEquals(List.of("hello", "hello-2", "hello-3"), Slugs.candidates("hello", 1, 3));
        String longBase = "x".repeat(200);
        String second = Slugs.candidate(longBase, 2);
        assertEquals(200, second.length());
        assertTrue(second.endsWith("x-2"));
        assertTrue(Slugs.isValid(Slugs.candidate(longBase, 123)));
    }

    @Test
    void slugsThatCanCollideShareAFamily() {
        assertEquals("hello", Slugs.family("hello"));
        assertEquals("hello", Slugs.family("hello-2"));
        assertEquals("hello", Slugs.family("hello-2-3"));
        assertEquals("release-v2", Slugs.family("release-v2"));
    }

    @Test
    void validatesExplicitSlugs() {
        assertTrue(Slugs.isValid("a-1-b"));
        for (String bad : List.of("", "A", "a--b", "-a", "a-", "a_b", "a b", "x".repeat(201))) {
            assertFalse(Slugs.isValid(bad), bad);
        }
    }
}
