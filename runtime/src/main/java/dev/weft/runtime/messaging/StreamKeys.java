package dev.weft.runtime.messaging;

/**
 * Where streams live in Redis: {@code <keyPrefix>stream:{<name>}}. The braces make the name the key's hash tag, so
 * that on Redis Cluster a stream's key sits on one slot whatever the prefix.
 */
public final class StreamKeys {
    private static final String DEAD_LETTER_SUFFIX = ".dlq";

    private final String keyPrefix;

    public StreamKeys(String keyPrefix) {
        this.keyPrefix = keyPrefix;
    }

    /** The Redis key of the stream named {@code stream}. */
    public String of(String stream) {
        return keyPrefix + "stream:{" + stream + "}";
    }

    /** The name of the stream that takes the messages of {@code stream} that could not be handled. */
    public static String deadLetters(String stream) {
        return stream + DEAD_LETTER_SUFFIX;
    }
}
