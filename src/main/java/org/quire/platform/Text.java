package org.quire.platform;

/**
 * What text from a client must be to be stored or looked up: PostgreSQL's text types hold no NUL
 * character, and a lone UTF-16 surrogate has no UTF-8 form (the driver would store a '?').
 */
public final class Text {

    private Text() {
    }

    /** Why {@code text} cannot be kept as it is, or null when it can. */
    public static String problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "must not contain the NUL character (U+0000)";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must be valid Unicode text (it has an unpaired surrogate)";
            }
        }
        return null;
    }

    /** Whether a name a client sent may be echoed in a problem: short, printable, valid text. */
    public static boolean isPrintable(String name) {
        return name.length() <= 100 && problem(name) == null && name.codePoints().noneMatch(Character::isISOControl);
    }
}
