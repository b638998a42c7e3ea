package dev.weft.runtime.config;

/**
 * A name pattern where {@code *} matches any run of characters, dots included. Matched by hand rather than with a
 * regular expression because it runs for every class the JVM loads.
 */
final class Glob {
    private final String pattern;
    /** The literal pieces between the stars; one piece when there is no star. */
    private final String[] pieces;

    Glob(String pattern) {
        this.pattern = pattern;
        this.pieces = pattern.split("\\*", -1);
    }

    boolean hasWildcard() {
        return pieces.length > 1;
    }

    boolean matches(String name) {
        if (pieces.length == 1) {
            return name.equals(pattern);
        }
        String first = pieces[0];
        String last = pieces[pieces.length - 1];
        if (name.length() < first.length() + last.length() || !name.startsWith(first) || !name.endsWith(last)) {
            return false;
        }
        int from = first.length();
        int end = name.length() - last.length();
        for (int i = 1; i < pieces.length - 1; i++) {
            // Taking the leftmost occurrence of each middle piece is enough: it leaves the most room for the rest.
            int at = name.indexOf(pieces[i], from);
            if (at < 0 || at + pieces[i].length() > end) {
                return false;
            }
            from = at + pieces[i].length();
        }
        return true;
    }
}
