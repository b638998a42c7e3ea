package dev.weft.runtime.config;

/** What a locked method does when the lock stays busy for the whole {@code wait}. */
public enum OnBusy {
    /** Throw {@code dev.weft.api.LockUnavailableException}. */
    THROW,
    /** Do not run the method; return {@code null}, {@code 0} or {@code false}. */
    SKIP
}
