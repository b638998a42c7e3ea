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
        return simpleNameIs(typeName, end, '.') || simpleNameIs(typeName, end, '$');
    }

    /** Whether the part of {@code typeName} between the last {@code separator} and {@code end} is {@link #base}. */
    private boolean simpleNameIs(String typeName, int end, char separator) {
        int start = typeName.lastIndexOf(separator, end - 1) + 1;
        return end - start == base.length() && typeName.regionMatches(start, base, 0, base.length());
    }
}
