package dev.weft.runtime.jmx;

/**
 * {@code dev.weft:type=Sessions}: servlet sessions kept in Redis (docs/sessions.md). Every count is this process's
 * since it started.
 */
public interface SessionsMXBean {
    /** Sessions this instance served whose max inactive interval has not run out since. */
    long getActive();

    /** Sessions read from Redis (one per request that used one). */
    long getReads();

    /** Writes of a request's changes (requests that changed nothing write nothing). */
    long getWrites();

    /** Field names and values written, in characters. */
    long getBytesWritten();

    /** Attributes the {@code allow} list refused to read back. */
    long getRefusals();

    /** Calls to Redis that failed; each failed its request. */
    long getRedisErrors();

    long getCreated();

    long getInvalidated();
}
