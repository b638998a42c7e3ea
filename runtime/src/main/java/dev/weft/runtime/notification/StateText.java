package dev.weft.runtime.notification;

/**
 * A pending call's state as a store keeps it in one text value, {@code token|attempts|lease millis|last error}, so a
 * Redis script can read and change it without a JSON library.
 */
record StateText(String token, int attempts, long leaseMillis, String lastError) {
    /** Longer errors are cut: the state is read on every claim. */
    private static final int MOST_ERROR_CHARS = 500;

    static String of(String token, int attempts, long leaseMillis, String error) {
        return token + "|" + attempts + "|" + leaseMillis + "|" + oneLine(error);
    }

    static StateText parse(String text) {
        String[] parts = text.split("\\|", 4);
        return new StateText(parts[0], Integer.parseInt(parts[1]), Long.parseLong(parts[2]), parts[3]);
    }

    static String oneLine(String error) {
        String line = error.replace('\n', ' ').replace('\r', ' ');
        return line.length() <= MOST_ERROR_CHARS ? line : line.substring(0, MOST_ERROR_CHARS) + "...";
    }
}
