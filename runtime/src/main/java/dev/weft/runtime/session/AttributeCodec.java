package dev.weft.runtime.session;

/**
 * How one attribute value is kept in its Redis hash field: {@code serializer: java} ({@link JavaCodec}) or
 * {@code serializer: json} ({@link JsonCodec}). The text written is also what the end-of-request dirty check compares.
 */
interface AttributeCodec {
    /** @throws SessionAttributeException when the value cannot be kept by this serializer */
    String encode(String name, Object value);

    /**
     * Refuses at once, in {@code setAttribute}, a value this serializer could not write at the end of the request.
     *
     * @throws SessionAttributeException naming the attribute, its class and what to change
     */
    void check(String name, Object value);

    /**
     * @param loader the application's class loader, for the classes of a java-serialized value
     * @throws SessionAttributeException when the value cannot be read back (a class the allow-list refuses)
     */
    Object decode(String name, String stored, ClassLoader loader);

    static AttributeCodec of(SessionSettings settings, SessionCounters counters) {
        return settings.serializer().equals("json") ? new JsonCodec() : new JavaCodec(settings.allow(), counters);
    }
}
