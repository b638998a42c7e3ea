package dev.weft.runtime.tcc;

import dev.weft.runtime.log.Log;
import dev.weft.runtime.txlog.LoggedTransaction;
import dev.weft.runtime.txlog.OwnerLocks;
import dev.weft.runtime.txlog.TransactionLog;
import dev.weft.runtime.txlog.TransactionLogException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The owner lock of a transaction in a log that keeps it among its own records ({@link OwnerLocks}, the Redis log):
 * the root's decision takes it and the last write of a round frees it, in the same calls, where a lock apart from the
 * log would cost a call before each. A round started from the log (a wake-up, the due queue) takes it with a call of
 * its own. Renewed while held, every third of its lease, on a thread of its own: a confirm may run longer than the
 * lease.
 */
final class LogOwnerLock implements OwnerLock {
    private static final long RENEW_EVERY_MILLIS = LEASE.toMillis() / 3;

    private final OwnerLocks locks;
    /** Owners are this process's id and a count, so that a lock taken over after an expiry is never freed by us. */
    private final String process = UUID.randomUUID().toString();
    private final AtomicLong holds = new AtomicLong();
    private final ScheduledThreadPoolExecutor renewals;

    LogOwnerLock(OwnerLocks locks) {
        this.locks = locks;
        this.renewals = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "weft-tcc-owner-renewal");
            thread.setDaemon(true);
            return thread;
        });
        renewals.setRemoveOnCancelPolicy(true);
    }

    /** Null also when the log cannot say. */
    @Override
    public Held tryLock(String xid) {
        String owner = newOwner();
        try {
            return locks.tryLock(xid, owner, LEASE) ? new Hold(xid, owner) : null;
        } catch (TransactionLogException e) {
            Log.warn("phase two of global transaction " + xid + " waits: its owner lock cannot be taken ("
                    + e.getMessage() + "); the due queue brings it back");
            return null;
        }
    }

    /** The decision takes the lock in its own call; asked again after a lost answer, it finds the lock its own. */
    @Override
    public RootDecision forDecision(String xid, TransactionLog log) {
        String owner = newOwner();
        return new RootDecision() {
            private Held held;

            @Override
            public Optional<LoggedTransaction> decide(boolean commit, List<Integer> returned) {
                OwnerLocks.Decided decided = locks.decide(xid, commit, returned, owner, LEASE);
                if (decided.locked() && held == null) {
                    held = new Hold(xid, owner);
                }
                return decided.transaction();
            }

            @Override
            public Held held() {
                return held;
            }
        };
    }

    @Override
    public void close() {
        renewals.shutdownNow();
    }

    private String newOwner() {
        return process + ":" + holds.incrementAndGet();
    }

    /** One hold, renewed until it is released or found lost. */
    private final class Hold implements Held {
        private final String xid;
        private final String owner;
        private final AtomicBoolean over = new AtomicBoolean();
        private final ScheduledFuture<?> renewal;

        Hold(String xid, String owner) {
            this.xid = xid;
            this.owner = owner;
            this.renewal = renewals.scheduleWithFixedDelay(this::renew, RENEW_EVERY_MILLIS, RENEW_EVERY_MILLIS,
                    TimeUnit.MILLISECONDS);
        }

        @Override
        public void release() {
            if (end()) {
                try {
                    locks.release(xid, owner);
                } catch (TransactionLogException e) {
                    Log.warn("the owner lock of global transaction " + xid + " (key " + locks.keyOf(xid) + ") could"
                            + " not be freed (" + e.getMessage() + "); the others wait until its lease of "
                            + LEASE.toSeconds() + " s runs out");
                }
            }
        }

        /** The lock goes with the round's last write; when that fails, it is freed on its own. */
        @Override
        public boolean finishRoundAndRelease(TransactionLog log, String xid, List<Integer> done) {
            try {
                boolean gone = locks.finishRound(this.xid, done, owner);
                end();
                return gone;
            } catch (TransactionLogException e) {
                release();
                throw e;
            }
        }

        /** @return false when it was over already */
        private boolean end() {
            renewal.cancel(false);
            return over.compareAndSet(false, true);
        }

        private void renew() {
            try {
                if (!locks.renew(xid, owner, LEASE) && !over.get()) {
                    end();
                    Log.error("the owner lock of global transaction " + xid + " (key " + locks.keyOf(xid) + ") ran"
                            + " out before it could be renewed: another instance may run phase two of it at the same"
                            + " time as this one (with jdbc.barrier, the second confirm or cancel finds the first"
                            + " one's barrier row)");
                }
            } catch (TransactionLogException e) {
                Log.warn("the owner lock of global transaction " + xid + " could not be renewed (" + e.getMessage()
                        + "); tried again in " + RENEW_EVERY_MILLIS + " ms");
            }
        }
    }
}
