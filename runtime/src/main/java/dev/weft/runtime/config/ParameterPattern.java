package dev.weft.runtime.config;

/**
 * One element of a selector's parameter list, matched against a type name in Java source form
 * ({@code int}, {@code java.lang.String[]}, {@code com.acme.Outer$Inner}).
 */
final class ParameterPattern {
    /** Null for {@code *}. */
    private final String base;
    private final int dimensions;
    private final boolean qualified;

    /**
     * @param base       the type name without {@code []}, or null for {@code *}
     * @param dimensions how many {@code []} follow it; must match exactly, except that a bare {@code *} matches any
     *                   one type, arrays included
     */
    ParameterPattern(String base, int dimensions) {
        this.base = base;
        this.dimensions = dimensions;
        this.qualified = base != null && base.indexOf('.') >= 0;
    }

    boolean matches(String typeName) {
        int end = typeName.length();
        int actualDimensions = 0;
        while (end >= 2 && typeName.charAt(end - 1) == ']' && typeName.charAt(end - 2) == '[') {
            end -= 2;
            actualDimensions++;
        }
        if (base == null) {
            return dimensions == 0 || actualDimensions == dimensions;
        }
        if (actualDimensions != dimensions) {
            return false;
        }
        if (qualified) {
            return end == base.length() && typeName.startsWith(base);
        }
        return endsWithNestedName(typeName, end);
    }

    /**
     * Whether {@link #base} ends the name at {@code end}, starting right after a {@code .} or {@code $}: so
     * {@code Inner} and {@code Outer$Inner} both match {@code com.acme.Outer$Inner}.
     */
    private boolean endsWithNestedName(String typeName, int end) {
        int start = end - base.length();
        if (start < 0 || !typeName.regionMatches(start, base, 0, base.length())) {
            return false;
        }
        return start == 0 || typeName.charAt(start - 1) == '.' || typeName.charAt(start - 1) == '$';
    }
}
