package dev.weft.runtime.jdbc;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** What the barrier knows about one database (one URL and user): its dialect, its table, its last sweep. */
final class Database {
    private final Dialect dialect;
    private volatile boolean tableReady;
    private final AtomicBoolean tableCreationTold = new AtomicBoolean();
    /** Epoch milliseconds; 0, so the first committed barrier transaction of this JVM sweeps. */
    private final AtomicLong nextSweep = new AtomicLong();

    Database(Dialect dialect) {
        this.dialect = dialect;
    }

    Dialect dialect() {
        return dialect;
    }

    boolean tableReady() {
        return tableReady;
    }

    void tableIsReady() {
        tableReady = true;
    }

    /**
     * {@code true} for the first caller only: the first phases of a JVM find the table missing together, and each runs
     * its {@code CREATE TABLE IF NOT EXISTS}, but the log says it once.
     */
    boolean firstToTellTableCreated() {
        return tableCreationTold.compareAndSet(false, true);
    }

    /** {@code true} for exactly one caller once a sweep is due; that caller sweeps. */
    boolean claimSweep(long now, long interval) {
        long due = nextSweep.get();
        return now >= due && nextSweep.compareAndSet(due, now + interval);
    }
}
