package dev.weft.runtime.session;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Session ids: 160 bits from {@link SecureRandom}, in lower-case hex. An id a client sends is used only when it has
 * exactly this form, so no cookie value can reach a Redis key it was not made for (hash tags, other prefixes).
 */
final class SessionIds {
    private static final int BYTES = 20;
    private static final Pattern FORM = Pattern.compile("[0-9a-f]{" + 2 * BYTES + "}");
    private final SecureRandom random = new SecureRandom();

    String next() {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static boolean wellFormed(String id) {
        return id != null && FORM.matcher(id).matches();
    }
}
