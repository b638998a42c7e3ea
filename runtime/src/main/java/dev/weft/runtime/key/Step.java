package dev.weft.runtime.key;

/**
 * One property read on the way from an argument to the key value, as found on the declared type.
 *
 * @param property the name in the template
 * @param member   the getter, accessor or field that reads it
 * @param field    whether {@code member} is a public field rather than a no-argument method
 */
record Step(String property, String member, boolean field) {
}
