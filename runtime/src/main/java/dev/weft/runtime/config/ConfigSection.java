package dev.weft.runtime.config;

import java.util.List;

/**
 * A top-level section of weft.yaml that a feature brings (docs/contributing.md): read like the built-in ones, every
 * problem reported with its {@code file:line:column} before any is, and unknown keys named with a suggestion.
 *
 * @param <T> the immutable settings the section is read into
 */
public interface ConfigSection<T> {
    /** Its key at the top of the file, e.g. {@code messages}. */
    String key();

    /**
     * {@code true} for a section written as a list at the top level ({@code notifications:}, one {@code - } entry per
     * rule): {@link #read} is then handed the top level itself, and reads its entries with
     * {@code section.entries(key(), ...)}. {@link #keys} are then the keys of one entry.
     */
    default boolean isList() {
        return false;
    }

    /** The keys it may hold; any other is a problem. */
    List<String> keys();

    /** The settings when the file does not have the section. */
    T defaults();

    /**
     * Reads the section. A wrong value is reported through {@code section} and replaced by a default, so that reading
     * goes on and the user sees every problem at once; it throws nothing.
     */
    T read(SectionReader section);
}
