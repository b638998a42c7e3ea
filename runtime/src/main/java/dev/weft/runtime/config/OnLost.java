package dev.weft.runtime.config;

/** What happens, besides the error log line and the count, when a lock's lease is lost while its method runs. */
public enum OnLost {
    /** Only the log line, the count and the stale token. */
    LOG,
    /** Also interrupt the thread running the method, so that blocking calls in it stop. */
    INTERRUPT
}
