package dev.weft.runtime.config;

public enum LockMode {
    /** One Redis ({@code redis.uri}). */
    SINGLE,
    /** The Redlock algorithm over {@code redis.nodes}. */
    REDLOCK
}
