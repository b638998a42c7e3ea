package dev.weft.runtime.tcc;

import dev.weft.runtime.txlog.LoggedTransaction;
import dev.weft.runtime.txlog.TransactionLog;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lock that lets one thread of one process at a time run phase two of a transaction, so that a confirm never runs
 * twice at once. It is never waited for: whoever finds it busy leaves the transaction to the holder and to the due
 * queue. With the Redis log it is kept by the log itself ({@link LogOwnerLock}), so that the root's decision and the
 * end of its round carry it; with the JDBC log it is Weft's own Redis lock ({@link RedisOwnerLock}); a log with one
 * member needs only a lock in this process ({@link #local}).
 */
interface OwnerLock extends AutoCloseable {
    /** Renewed while held, so it only bounds how long a crashed holder blocks the others. */
    Duration LEASE = Duration.ofSeconds(10);

    /** @return the held lock, or null when it is busy or cannot be taken now (try again later) */
    Held tryLock(String xid);

    /**
     * The root's decision, with this lock taken before it, so that no other round can run between the decision and the
     * root's round from the transaction the decision returns. Here the lock is taken at once; a lock the log keeps is
     * taken by the decision's own call.
     */
    default RootDecision forDecision(String xid, TransactionLog log) {
        Held held = tryLock(xid);
        return new RootDecision() {
            @Override
            public Optional<LoggedTransaction> decide(boolean commit, List<Integer> returned) {
                return log.decide(xid, commit, returned);
            }

            @Override
            public Held held() {
                return held;
            }
        };
    }

    /**
     * Returns once the releases made so far have reached where the lock is kept: at exit, the next process must find
     * the transactions free at once. Weft's Redis lock sends a release without waiting for it.
     */
    default void awaitReleases() {
    }

    /** Stops renewing: every hold is over by then. */
    @Override
    default void close() {
    }

    /** The root's decision of one transaction and the owner lock that goes with it. */
    interface RootDecision {
        /**
         * {@link TransactionLog#decide}: asked once, or twice when the answer to a commit was lost (a rollback
         * follows).
         */
        Optional<LoggedTransaction> decide(boolean commit, List<Integer> returned);

        /** @return the lock once decided, or null when another holds it or it could not be taken */
        Held held();
    }

    /** A taken owner lock. */
    interface Held {
        void release();

        /**
         * {@link TransactionLog#finishRound} as the last write of a round, then the release: in the same call where
         * the log keeps the lock. Released afterwards also when the log failed.
         */
        default boolean finishRoundAndRelease(TransactionLog log, String xid, List<Integer> done) {
            try {
                return log.finishRound(xid, done);
            } finally {
                release();
            }
        }
    }

    /** For a log only this process uses: the root's round and recovery's are the only rivals. */
    static OwnerLock local() {
        Set<String> held = ConcurrentHashMap.newKeySet();
        return xid -> held.add(xid) ? () -> held.remove(xid) : null;
    }
}
