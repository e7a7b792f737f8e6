package org.quire.posts;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Slugs: what an explicit one may look like, how one is derived from a title, and the candidates
 * tried when it is taken ({@code hello}, {@code hello-2}, {@code hello-3}, …).
 */
public final class Slugs {

    public static final int MAX_LENGTH = 200;
    public static final String PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
    /** What a title with nothing usable in it becomes. */
    static final String FALLBACK = "post";

    private static final Pattern SLUG = Pattern.compile(PATTERN);
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NUMERIC_TAIL = Pattern.compile("(-[0-9]+)+$");

    /** Russian, Ukrainian and Belarusian letters in the common passport-style romanisation. */
    private static final Map<Character, String> CYRILLIC = Map.ofEntries(
            Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "g"),
            Map.entry('д', "d"), Map.entry('е', "e"), Map.entry('ё', "e"), Map.entry('ж', "zh"),
            Map.entry('з', "z"), Map.entry('и', "i"), Map.entry('й', "y"), Map.entry('к', "k"),
            Map.entry('л', "l"), Map.entry('м', "m"), Map.entry('н', "n"), Map.entry('о', "o"),
            Map.entry('п', "p"), Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"),
            Map.entry('у', "u"), Map.entry('ф', "f"), Map.entry('х', "kh"), Map.entry('ц', "ts"),
            Map.entry('ч', "ch"), Map.entry('ш', "sh"), Map.entry('щ', "shch"), Map.entry('ъ', ""),
            Map.entry('ы', "y"), Map.entry('ь', ""), Map.entry('э', "e"), Map.entry('ю', "yu"),
            Map.entry('я', "ya"), Map.entry('і', "i"), Map.entry('ї', "yi"), Map.entry('є', "ye"),
            Map.entry('ґ', "g"), Map.entry('ў', "u"));

    /** Latin letters that are not a base letter plus marks, so NFD alone would drop them. */
    private static final Map<Character, String> LATIN = Map.of(
            'ß', "ss", 'æ', "ae", 'œ', "oe", 'ø', "o", 'ł', "l", 'đ', "d", 'ð', "d", 'þ', "th", 'ı', "i");

    private Slugs() {
    }

    /** The slug a title gives: lower case, transliterated, accents stripped, anything else one '-'. */
    public static String derive(String title) {
        String lower = Normalizer.normalize(title, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        StringBuilder latin = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            String replacement = CYRILLIC.get(c);
            if (replacement == null) {
                replacement = LATIN.get(c);
            }
            if (replacement != null) {
                latin.append(replacement);
            } else {
                latin.append(c);
            }
        }
        String unaccented = MARKS.matcher(Normalizer.normalize(latin, Normalizer.Form.NFD)).replaceAll("");
        String slug = trimDashes(NOT_SLUG.matcher(unaccented).replaceAll("-"));
        slug = truncate(slug, MAX_LENGTH);
        return slug.isEmpty() ? FALLBACK : slug;
    }

    /** The n-th choice for a base slug: the base itself, then base-2, base-3, … each within 200 characters. */
    public static String candidate(String base, int n) {
        if (n <= 1) {
            return base;
        }
        String suffix = "-" + n;
        return truncate(base, MAX_LENGTH - suffix.length()) + suffix;
    }

    /** Candidates n = from .. from + count - 1, in order. */
    public static List<String> candidates(String base, int from, int count) {
        List<String> list = new ArrayList<>(count);
        for (int n = from; n < from + count; n++) {
            list.add(candidate(base, n));
        }
        return list;
    }

    /**
     * Which slugs can collide with this one: hello, hello-2 and hello-2-3 all belong to "hello".
     * Writers of slugs in one family take one lock, so two requests never pick the same slug.
     */
    public static String family(String slug) {
        String stem = NUMERIC_TAIL.matcher(slug).replaceFirst("");
        return stem.length() > 150 ? stem.substring(0, 150) : stem;
    }

    public static boolean isValid(String slug) {
        return slug != null && slug.length() <= MAX_LENGTH && SLUG.matcher(slug).matches();
    }

    private static String truncate(String slug, int max) {
        return slug.length() <= max ? slug : trimDashes(slug.substring(0, max));
    }

    private static String trimDashes(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '-') {
            end--;
        }
        return s.substring(start, end);
    }
}
