package dev.weft.runtime.txlog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The transactions of a log that have not ended, kept up to date by applying each record as it is written or
 * replayed. It is what a new segment re-states, which is how the log stays bounded: ended transactions are simply
 * not carried over. Applying a record twice changes nothing, so replaying a snapshot and then the records after it
 * gives the same state as the original history.
 *
 * <p>A log of notification calls ({@link LogRecord.Notification}) keeps their last state here too, so that the same
 * segments, snapshots and torn-tail handling serve it.
 */
final class LiveTransactions {
    private final Map<String, Entry> live = new LinkedHashMap<>();
    private final Map<String, LogRecord.Notification> notifications = new LinkedHashMap<>();

    void apply(LogRecord record) {
        if (record instanceof LogRecord.Begin begin) {
            live.putIfAbsent(begin.xid(), new Entry(begin));
        } else if (record instanceof LogRecord.Branch branch) {
            with(branch.xid(), entry -> entry.branches.put(branch.branchId(), branch));
        } else if (record instanceof LogRecord.Decision decision) {
            with(decision.xid(), entry -> {
                entry.phase = decision.commit() ? Phase.COMMITTING : Phase.ROLLING_BACK;
                entry.failure = null;
            });
        } else if (record instanceof LogRecord.BranchDone done) {
            with(done.xid(), entry -> entry.done.add(done.branchId()));
        } else if (record instanceof LogRecord.TryFailed tryFailed) {
            with(tryFailed.xid(), entry -> entry.failedTries.add(tryFailed.branchId()));
        } else if (record instanceof LogRecord.Failed failed) {
            with(failed.xid(), entry -> entry.failure = failed.reason());
        } else if (record instanceof LogRecord.End end) {
            live.remove(end.xid());
        } else if (record instanceof LogRecord.Notification notification) {
            notifications.put(notification.id(), notification);
        } else if (record instanceof LogRecord.NotificationGone gone) {
            notifications.remove(gone.id());
        }
    }

    /** Records that re-create the current state from nothing, for the start of a new segment. */
    List<LogRecord> snapshot() {
        List<LogRecord> records = new ArrayList<>();
        for (Entry entry : live.values()) {
            String xid = entry.begin.xid();
            records.add(entry.begin);
            records.addAll(entry.branches.values());
            entry.failedTries.forEach(id -> records.add(new LogRecord.TryFailed(xid, id)));
            entry.done.forEach(id -> records.add(new LogRecord.BranchDone(xid, id)));
            if (entry.phase != Phase.TRYING) {
                records.add(new LogRecord.Decision(xid, entry.phase == Phase.COMMITTING));
            }
            if (entry.failure != null) {
                records.add(new LogRecord.Failed(xid, entry.failure));
            }
        }
        records.addAll(notifications.values());
        return records;
    }

    List<LogRecord.Notification> notifications() {
        return List.copyOf(notifications.values());
    }

    List<RecoveredTransaction> transactions() {
        List<RecoveredTransaction> transactions = new ArrayList<>(live.size());
        for (Entry entry : live.values()) {
            transactions.add(new RecoveredTransaction(entry.begin, entry.phase, new ArrayList<>(entry.branches.values()),
                    entry.failedTries, entry.done, entry.failure));
        }
        return transactions;
    }

    int size() {
        return live.size();
    }

    /** Records about a transaction the log does not know (it ended, or began before a lost tail) change nothing. */
    private void with(String xid, Consumer<Entry> change) {
        Entry entry = live.get(xid);
        if (entry != null) {
            change.accept(entry);
        }
    }

    private static final class Entry {
        final LogRecord.Begin begin;
        final Map<Integer, LogRecord.Branch> branches = new LinkedHashMap<>();
        final Set<Integer> failedTries = new LinkedHashSet<>();
        final Set<Integer> done = new LinkedHashSet<>();
        Phase phase = Phase.TRYING;
        String failure;

        Entry(LogRecord.Begin begin) {
            this.begin = begin;
        }
    }
}
