package dev.weft.runtime.lock;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Owner values for lock keys, unique per grant: this process's id plus a counter. Unique rather than secret: anyone
 * who can reach Redis can delete a lock anyway; what matters is that no two grants ever compare equal.
 */
final class OwnerIds {
    private final String prefix = ProcessHandle.current().pid() + "-"
            + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ":";
    private final AtomicLong counter = new AtomicLong();

    String next() {
        return prefix + Long.toString(counter.incrementAndGet(), 36);
    }
}
