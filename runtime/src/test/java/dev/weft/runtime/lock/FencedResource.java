package dev.weft.runtime.lock;

import java.util.HashMap;
import java.util.Map;

/**
 * What docs/locks.md asks of a resource written under a lock: it remembers the highest fencing token it has seen per
 * key and refuses a write with a lower one. It also notices two writers of one key at once, which no lock should let
 * happen.
 */
final class FencedResource {
    private final Map<String, Long> highest = new HashMap<>();
    private final Map<String, Integer> inside = new HashMap<>();
    private long accepted;
    private long refused;
    private long overlaps;

    /** A writer holding {@code token} begins writing {@code key}; false when the token is refused as stale. */
    synchronized boolean begin(String key, long token) {
        if (inside.merge(key, 1, Integer::sum) > 1) {
            overlaps++;
        }
        if (token < highest.getOrDefault(key, Long.MIN_VALUE)) {
            refused++;
            return false;
        }
        highest.put(key, token);
        accepted++;
        return true;
    }

    synchronized void end(String key) {
        inside.merge(key, -1, Integer::sum);
    }

    synchronized long accepted() {
        return accepted;
    }

    /** Writes refused as stale: each one a holder whose token was passed by a later grant's. */
    synchronized long refused() {
        return refused;
    }

    /** Times a writer began while another writer of the same key had not ended. */
    synchronized long overlaps() {
        return overlaps;
    }
}
