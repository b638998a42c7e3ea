package dev.weft.runtime.config;

import java.util.Collection;
import java.util.Locale;

/** "did you mean ...?" for a misspelt key or value. */
final class Suggestions {
    private Suggestions() {
    }

    /**
     * The end of a message about a misspelt word: {@code "; did you mean 'wait'? Allowed: method, key, wait"}, or
     * {@code "; allowed: method, key, wait"} when nothing allowed is close.
     */
    static String hint(String input, Collection<String> allowed) {
        String closest = closest(input, allowed);
        String list = String.join(", ", allowed);
        return closest == null ? "; allowed: " + list : "; did you mean '" + closest + "'? Allowed: " + list;
    }

    /**
     * The candidate close to {@code input}, or null. Close means at most one edit for short words and two for longer
     * ones, ignoring case, counting a swap of two neighbouring letters ({@code wiat}) as one edit.
     */
    static String closest(String input, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(input.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance && distance <= tolerance(candidate)) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static int tolerance(String candidate) {
        return candidate.length() <= 5 ? 1 : 2;
    }

    /** Optimal string alignment distance: Levenshtein plus transposition of adjacent characters. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
