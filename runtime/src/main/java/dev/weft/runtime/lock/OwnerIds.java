package dev.weft.runtime.lock;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Owner values for lock keys, unique per acquisition: {@code <jvm>:<counter>}, where the JVM id is this process's
 * id plus a random part. The scripts read the JVM id back out of an owner to know whom to wake. Unique rather than
 * secret: anyone who can reach Redis can delete a lock anyway; what matters is that no two grants compare equal.
 */
final class OwnerIds {
    private final String jvm = ProcessHandle.current().pid() + "-"
            + Long.toHexString(ThreadLocalRandom.current().nextLong());
    private final AtomicLong counter = new AtomicLong();

    String jvm() {
        return jvm;
    }

    String next() {
        return jvm + ":" + Long.toString(counter.incrementAndGet(), 36);
    }
}
