package dev.weft.runtime.session;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What {@code dev.weft:type=Sessions} shows: per process, since start. "Active" counts the sessions this instance
 * served whose max inactive interval has not run out since; sessions other instances served meanwhile are not seen.
 */
public final class SessionCounters {
    private final LongAdder reads = new LongAdder();
    private final LongAdder writes = new LongAdder();
    private final LongAdder bytesWritten = new LongAdder();
    private final LongAdder refusals = new LongAdder();
    private final LongAdder redisErrors = new LongAdder();
    private final LongAdder created = new LongAdder();
    private final LongAdder invalidated = new LongAdder();
    /** Session id to when it expires unless used again, in milliseconds; pruned when read. */
    private final Map<String, Long> seen = new ConcurrentHashMap<>();
    private static final long MIN_PRUNE_AT = 1024;
    /** The size at which {@link #seen} is pruned next: twice what was left last time, so pruning costs O(1) a call. */
    private volatile long pruneAt = MIN_PRUNE_AT;

    void read() {
        reads.increment();
    }

    void wrote(long bytes) {
        writes.increment();
        bytesWritten.add(bytes);
    }

    void refused() {
        refusals.increment();
    }

    void redisError() {
        redisErrors.increment();
    }

    void create() {
        created.increment();
    }

    void seen(String id, long expiresAtMillis) {
        seen.put(id, expiresAtMillis);
        if (seen.size() >= pruneAt) {
            // Also when no one reads the bean: the map must not keep every session ever served
            active();
            pruneAt = Math.max(MIN_PRUNE_AT, 2L * seen.size());
        }
    }

    void gone(String id) {
        invalidated.increment();
        seen.remove(id);
    }

    public long active() {
        long now = System.currentTimeMillis();
        seen.values().removeIf(expiresAt -> expiresAt <= now);
        return seen.size();
    }

    /** Ids remembered for {@link #active()}, expired ones included until the next prune. */
    int tracked() {
        return seen.size();
    }

    public long reads() {
        return reads.sum();
    }

    public long writes() {
        return writes.sum();
    }

    public long bytesWritten() {
        return bytesWritten.sum();
    }

    public long refusals() {
        return refusals.sum();
    }

    public long redisErrors() {
        return redisErrors.sum();
    }

    public long created() {
        return created.sum();
    }

    public long invalidated() {
        return invalidated.sum();
    }
}
