package dev.weft.runtime.key;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Writes an argument's text into a lock key so that argument text can never forge a Redis Cluster hash tag or
 * another lock's key.
 *
 * <p>The scheme:
 * <ol>
 *   <li>Letters {@code A-Z a-z}, digits and {@code . _ -} stay as they are.</li>
 *   <li>Every other character becomes {@code %XX} for each byte of its UTF-8 encoding (upper-case hex), so {@code %},
 *       {@code {}, {@code }}, {@code :}, {@code *}, {@code #}, space, CR and LF are all encoded. An unpaired surrogate
 *       is encoded as the three bytes UTF-8 would give its code unit (as WTF-8 does) rather than as {@code ?}, so no
 *       two strings escape alike.</li>
 *   <li>An escaped value longer than {@value #MAX_LENGTH} characters is replaced by {@code #} followed by the
 *       lower-case hex SHA-256 of the escaped value. A value that was not hashed never contains {@code #}, so a
 *       hashed value cannot be forged.</li>
 * </ol>
 * An escaped value therefore only contains letters, digits and {@code . _ - % #}; templates must separate two
 * placeholders by some other character, so the key shows where each value ends.
 */
final class ValueEscaper {
    static final int MAX_LENGTH = 200;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final char[] HEX_LOWER = "0123456789abcdef".toCharArray();

    private ValueEscaper() {
    }

    /** Whether an escaped value can contain {@code c}. */
    static boolean canAppearInValue(char c) {
        return isKept(c) || c == '%' || c == '#';
    }

    /**
     * The escaped form of {@code value}: {@code value} itself when it needs no escaping, as ids and codes mostly do, so
     * that rendering such a key copies nothing.
     */
    static String escape(String value) {
        if (keptAsIs(value)) {
            return value;
        }
        StringBuilder key = new StringBuilder(value.length() + 16);
        append(key, value);
        return key.toString();
    }

    /** Appends the escaped form of {@code value} to {@code key}. */
    static void append(StringBuilder key, String value) {
        if (keptAsIs(value)) {
            key.append(value);
            return;
        }
        int start = key.length();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isKept(c)) {
                key.append(c);
            } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                appendUtf8(key, Character.toCodePoint(c, value.charAt(++i)));
            } else {
                appendUtf8(key, c);
            }
        }
        if (key.length() - start > MAX_LENGTH) {
            byte[] digest = sha256(key, start);
            key.setLength(start);
            key.append('#');
            for (byte b : digest) {
                key.append(HEX_LOWER[(b >> 4) & 0xF]).append(HEX_LOWER[b & 0xF]);
            }
        }
    }

    /** Whether {@code value} is its own escaped form: short enough, and only characters that stay as they are. */
    private static boolean keptAsIs(String value) {
        if (value.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (!isKept(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isKept(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == '-';
    }

    private static void appendUtf8(StringBuilder key, int codePoint) {
        if (codePoint < 0x80) {
            percent(key, codePoint);
        } else if (codePoint < 0x800) {
            percent(key, 0xC0 | (codePoint >> 6));
            percent(key, 0x80 | (codePoint & 0x3F));
        } else if (codePoint < 0x10000) {
            percent(key, 0xE0 | (codePoint >> 12));
            percent(key, 0x80 | ((codePoint >> 6) & 0x3F));
            percent(key, 0x80 | (codePoint & 0x3F));
        } else {
            percent(key, 0xF0 | (codePoint >> 18));
            percent(key, 0x80 | ((codePoint >> 12) & 0x3F));
            percent(key, 0x80 | ((codePoint >> 6) & 0x3F));
            percent(key, 0x80 | (codePoint & 0x3F));
        }
    }

    private static void percent(StringBuilder key, int b) {
        key.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
    }

    /** The escaped text from {@code start} is ASCII, so each char is one byte. */
    private static byte[] sha256(StringBuilder key, int start) {
        byte[] bytes = new byte[key.length() - start];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) key.charAt(start + i);
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
