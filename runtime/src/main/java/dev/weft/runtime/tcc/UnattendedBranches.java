package dev.weft.runtime.tcc;

import dev.weft.runtime.config.TransactionSettings;
import dev.weft.runtime.log.Log;
import dev.weft.runtime.retry.Backoff;
import dev.weft.runtime.txlog.TransactionLog;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Notices decided transactions whose remaining branches only other services can run, when none of them has touched
 * the transaction between two claims of it by this process: a service that was stopped or removed while it had
 * branches pending. Each such claim counts as a failed attempt, like a confirm that throws, so that after
 * {@code maxAttempts} the transaction is FAILED, in front of an operator, instead of being claimed forever.
 *
 * <p>"Touched" means its attempts or its finished branches changed: a live owner whose confirm fails counts its own
 * attempts, and one that succeeds ends the transaction, so neither is counted twice. The first claim seen here only
 * notes where the transaction stands, so that a transaction just decided is not counted while its owners work on it.
 * Used by the recovery thread only.
 */
final class UnattendedBranches {
    /** Transactions remembered; the oldest are forgotten first (they then start counting again). */
    private static final int REMEMBERED = 10_000;

    private final TransactionLog log;
    private final Backoff backoff;
    private final int maxAttempts;
    private final Map<String, Progress> lastSeen = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Progress> eldest) {
            return size() > REMEMBERED;
        }
    };

    UnattendedBranches(TransactionLog log, TransactionSettings.Retry retry) {
        this.log = log;
        this.backoff = new Backoff(retry);
        this.maxAttempts = retry.maxAttempts();
    }

    /**
     * @param progress where the transaction stood in the log when this process claimed it
     * @param classes  the participant classes of its unfinished branches, none of them declared here
     */
    void claimed(String xid, Progress progress, Set<String> classes) {
        Progress before = lastSeen.put(xid, progress);
        if (!progress.equals(before)) {
            return; // first seen here, or another service worked on it since
        }
        int attempts = log.attemptFailed(xid);
        lastSeen.put(xid, new Progress(attempts, progress.done()));
        if (attempts < maxAttempts) {
            log.dueAt(xid, System.currentTimeMillis() + backoff.pauseMillis(Math.max(1, attempts)));
            return;
        }
        lastSeen.remove(xid);
        String reason = "no service finished its branches of " + String.join(", ", classes) + " in " + attempts
                + " attempt(s): is a service whose weft.yaml declares them running, on the same shared log?";
        log.fail(xid, reason);
        Log.error("global transaction " + xid + " FAILED: " + reason + " It stays in " + log.describe() + " and in"
                + " JMX dev.weft:type=Transactions of every instance; start that service and call retry(\"" + xid
                + "\"), or forget(\"" + xid + "\") once it was resolved by hand");
    }

    /** How far a transaction got: its failed attempts and its finished branches. */
    record Progress(int attempts, long done) {
    }
}
