package dev.weft.bench.tcc;

import com.acme.bench.Transfer;
import dev.weft.bench.load.WeftCounters;
import dev.weft.bench.load.Workload;
import java.util.concurrent.atomic.AtomicLong;

/** Weft TCC: plain calls of {@link Transfer}, which the agent turns into global transactions. */
public final class TccWorkload implements Workload {
    private final Transfer transfer = new Transfer();
    private final AtomicLong ids = new AtomicLong();
    private final int branches;

    /** @param branches 2 for {@link Transfer#twoBranches}, 0 for {@link Transfer#noBranch} */
    public TccWorkload(int branches) {
        if (branches != 0 && branches != 2) {
            throw new IllegalArgumentException("branches: 0 or 2, not " + branches);
        }
        this.branches = branches;
    }

    @Override
    public Action forThread(int thread) {
        return branches == 2
                ? () -> transfer.twoBranches(ids.incrementAndGet())
                : () -> transfer.noBranch(ids.incrementAndGet());
    }

    @Override
    public void close() {
        WeftCounters.requireCounted("Transactions", "Committed");
        // Every global method of this JVM's life (set-up and warm-up too): what the Redis calls are divided by.
        System.out.println("COUNT transactions " + WeftCounters.read("Transactions", "Begun"));
        System.out.flush();
    }
}
