package dev.weft.bench.lock;

import com.acme.bench.LockedSection;
import dev.weft.bench.load.WeftCounters;
import dev.weft.bench.load.Workload;

/**
 * Weft: a plain call of {@link LockedSection#run}. This JVM has no Redis client of its own; the lock is what
 * {@code -javaagent:weft-agent.jar} wove into that method, as in a user's application.
 */
public final class WovenLockWorkload implements Workload {
    private final Keys keys;
    private final int process;
    private final LockedSection section = new LockedSection();

    public WovenLockWorkload(Keys keys, int process) {
        this.keys = keys;
        this.process = process;
    }

    @Override
    public Action forThread(int thread) {
        String key = "weft-bench:" + keys.forThread(process, thread);
        return () -> section.run(key);
    }

    @Override
    public void close() {
        WeftCounters.requireCounted("Locks", "Acquired");
    }
}
