package dev.weft.runtime.key;

/** Renders the lock key of one woven method from a call's arguments; built once, used on every call. */
public final class KeyRenderer {
    private final String[] literals;
    private final BoundPlaceholder[] placeholders;
    private final int literalLength;

    KeyRenderer(String[] literals, BoundPlaceholder[] placeholders) {
        this.literals = literals;
        this.placeholders = placeholders;
        int length = 0;
        for (String literal : literals) {
            length += literal.length();
        }
        this.literalLength = length;
    }

    /**
     * The key without Weft's prefix, each value escaped as {@link ValueEscaper} describes.
     *
     * @throws dev.weft.api.LockKeyException when a value on a placeholder's path is null, or has no
     *                                       {@code toString()} of its own
     */
    public String render(Object[] arguments) {
        if (literalLength == 0 && placeholders.length == 1) {
            return placeholders[0].escaped(arguments); // "{0}": the value is the key, often without a copy
        }
        StringBuilder key = new StringBuilder(literalLength + 16 * placeholders.length);
        key.append(literals[0]);
        for (int i = 0; i < placeholders.length; i++) {
            placeholders[i].appendTo(key, arguments);
            key.append(literals[i + 1]);
        }
        return key.toString();
    }
}
