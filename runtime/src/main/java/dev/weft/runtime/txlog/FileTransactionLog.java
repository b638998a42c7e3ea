package dev.weft.runtime.txlog;

import dev.weft.runtime.log.Log;
import dev.weft.runtime.txlog.LoggedTransaction.LoggedBranch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * {@code transactions.log.type: file}: the {@link TransactionLog} with one member, the process that holds its
 * directory (docs/tcc.md, "The file log"). The state lives in memory and every change is appended to segment files
 * ({@link RecordLog}, {@link SegmentLog}), from which the state is rebuilt at start-up.
 *
 * <p>Each operation checks and changes the state under one lock and appends its records in the same order. An
 * operation that must be durable (a branch, a decision) waits for the fsync after releasing the lock, so concurrent
 * transactions share fsyncs (group commit). A try that threw is appended without waiting: the decision after it is
 * forced, and until then a lost note only leaves the branch {@code TRYING}, which is cancelled whatever the decision.
 * The due queue, claims and attempt counts are not written: after a restart every decided transaction is due at
 * once, and every undecided one at its deadline.
 *
 * <p>Branch states are records: {@code TRYING} a Branch, {@code FAILED} a TryFailed, {@code DONE} a BranchDone.
 * {@code RETURNED} is not written: in one process a commit is decided by the root only after every try of its thread
 * ended, the ones that returned carried on the decision, so at replay the branches of a commit that neither failed
 * nor are done returned. A branch still {@code TRYING} at a commit gets a TryFailed with it, so that replay cancels
 * it as the state in memory does.
 *
 * <p>After a write error the records log takes nothing until it could be repaired, which every {@link #claimDue}
 * tries (recovery scans each second). A rollback decided meanwhile is taken in memory,
 * {@linkplain LoggedTransaction#decisionPending pending}, and written once the log is writable: an undecided
 * transaction rolls back anyway, so a rollback needs no disk to be taken, only before its cancels run. A commit is
 * not taken without its fsync: the root then rolls back instead.
 */
public final class FileTransactionLog implements TransactionLog {
    private final RecordLog records;
    private final ReentrantLock lock = new ReentrantLock();
    /** In the order they began: what {@link #open} lists first. */
    private final Map<String, Tx> transactions = new LinkedHashMap<>();

    private FileTransactionLog(RecordLog records) {
        this.records = records;
        records.recovered().forEach(recovered -> transactions.put(recovered.xid(), Tx.replayed(recovered)));
    }

    /**
     * Locks {@code dir} (creating it), replays the newest segment and cuts off a torn tail.
     *
     * @throws TransactionLogException when another process holds the directory, or it cannot be read or written
     */
    public static FileTransactionLog open(Path dir) {
        return over(SegmentLog.open(dir));
    }

    /** The state {@code records} holds, and the log that goes on writing to it. */
    public static FileTransactionLog over(RecordLog records) {
        report(records);
        return new FileTransactionLog(records);
    }

    private static void report(RecordLog records) {
        List<RecoveredTransaction> recovered = records.recovered();
        if (recovered.isEmpty()) {
            return;
        }
        long failed = recovered.stream().filter(r -> r.failure() != null).count();
        Log.info(records.describe() + " holds " + recovered.size() + " unfinished transaction(s) of a previous run: "
                + count(recovered, Phase.COMMITTING) + " to confirm, " + count(recovered, Phase.ROLLING_BACK)
                + " to cancel, " + count(recovered, Phase.TRYING) + " with no decision (cancelled once past their"
                + " timeout), " + failed + " FAILED; finishing them in the background");
        if (failed > 0) {
            Log.error(failed + " transaction(s) in " + records.describe() + " are FAILED and wait for an operator;"
                    + " see FailedTransactions in JMX dev.weft:type=Transactions, then retry(xid) or forget(xid)");
        }
    }

    private static long count(List<RecoveredTransaction> recovered, Phase phase) {
        return recovered.stream().filter(r -> r.failure() == null && r.phase() == phase).count();
    }

    @Override
    public boolean sharedByProcesses() {
        return false;
    }

    @Override
    public void checkWritable() {
        records.checkWritable();
    }

    @Override
    public void begin(LogRecord.Begin begin) {
        long position;
        lock.lock();
        try {
            if (transactions.containsKey(begin.xid())) {
                return;
            }
            position = records.append(begin);
            transactions.put(begin.xid(), new Tx(begin));
        } finally {
            lock.unlock();
        }
        records.awaitDurable(position);
    }

    /**
     * A branch whose fsync fails stays in memory as {@code TRYING}, as its record may be on disk: it is cancelled
     * whatever the decision, which a cancel copes with (its try may never have run).
     */
    @Override
    public int register(String xid, ParticipantId participant, String arguments, Carried carried) {
        long position;
        int id;
        lock.lock();
        try {
            Tx tx = transactions.get(xid);
            boolean begins = tx == null && carried.begin() != null;
            if (begins) {
                tx = new Tx(carried.begin());
            }
            if (tx == null || tx.phase != Phase.TRYING) {
                throw new NotTryingException(xid, tx == null ? null : tx.phase);
            }
            id = tx.branches.size();
            if (begins) {
                records.append(carried.begin());
                transactions.put(xid, tx);
            }
            position = records.append(new LogRecord.Branch(xid, id, participant, arguments));
            tx.returned(carried.returned());
            tx.branches.put(id, new LoggedBranch(id, participant, arguments, BranchState.TRYING));
        } finally {
            lock.unlock();
        }
        records.awaitDurable(position);
        return id;
    }

    @Override
    public boolean tryEnded(String xid, int branchId, BranchState end) {
        BranchState.checkTryEnd(end);
        long position = -1;
        lock.lock();
        try {
            Tx tx = transactions.get(xid);
            LoggedBranch branch = tx == null ? null : tx.branches.get(branchId);
            if (branch == null) {
                return false;
            }
            switch (end) {
                case RETURNED -> {
                    if (tx.phase != Phase.TRYING || branch.state() != BranchState.TRYING) {
                        return false;
                    }
                    tx.state(branchId, BranchState.RETURNED);
                }
                case FAILED -> {
                    if (branch.state() != BranchState.DONE) {
                        position = records.append(new LogRecord.TryFailed(xid, branchId));
                        tx.state(branchId, BranchState.FAILED);
                    }
                }
                default -> {
                    if (branch.state() != BranchState.DONE) {
                        position = records.append(new LogRecord.BranchDone(xid, branchId));
                        tx.state(branchId, BranchState.DONE);
                    }
                }
            }
        } finally {
            lock.unlock();
        }
        if (position >= 0) {
            records.awaitWritten(position);
        }
        return true;
    }

    @Override
    public Optional<LoggedTransaction> decide(String xid, boolean commit, List<Integer> returned) {
        Tx tx;
        long position = -1;
        boolean awaited;
        lock.lock();
        try {
            tx = transactions.get(xid);
            if (tx == null || tx.phase != Phase.TRYING) {
                return Optional.ofNullable(tx).map(Tx::view);
            }
            tx.returned(returned);
            List<Integer> unreturned = commit ? tx.idsIn(BranchState.TRYING) : List.of();
            try {
                unreturned.forEach(id -> records.append(new LogRecord.TryFailed(xid, id)));
                position = records.append(new LogRecord.Decision(xid, commit));
            } catch (TransactionLogException e) {
                if (commit) {
                    throw e;
                }
                tx.decisionUnwritten = true;
            }
            tx.phase = commit ? Phase.COMMITTING : Phase.ROLLING_BACK;
            tx.failure = null;
            tx.dueAt = System.currentTimeMillis();
            // nothing to confirm or cancel: nothing waits for this decision
            boolean nothingWaits = position >= 0 && tx.idsIn(BranchState.DONE).size() == tx.branches.size();
            tx.decisionPending = !nothingWaits;
            awaited = position >= 0 && !nothingWaits;
        } finally {
            lock.unlock();
        }
        if (awaited) {
            awaitDecision(tx, position, commit);
        } else {
            writeQuietly(position);
        }
        return Optional.of(locked(tx::view));
    }

    private void awaitDecision(Tx tx, long position, boolean commit) {
        try {
            records.awaitDurable(position);
        } catch (TransactionLogException e) {
            locked(() -> {
                if (commit) {
                    tx.phase = Phase.TRYING; // never told: the root rolls back instead
                    tx.decisionPending = false;
                    tx.dueAt = tx.begin.deadline();
                } else {
                    tx.decisionUnwritten = true;
                }
                return null;
            });
            if (commit) {
                throw e;
            }
            return;
        }
        locked(() -> tx.decisionPending = false);
    }

    @Override
    public Optional<LoggedTransaction> load(String xid) {
        return locked(() -> Optional.ofNullable(transactions.get(xid)).map(Tx::view));
    }

    /** Best effort, as every note of phase two: one that is not written only makes a restart repeat that branch. */
    @Override
    public boolean finishRound(String xid, List<Integer> done) {
        long position = -1;
        lock.lock();
        try {
            Tx tx = transactions.get(xid);
            if (tx == null) {
                return true;
            }
            for (int id : done) {
                if (tx.branches.containsKey(id) && tx.branches.get(id).state() != BranchState.DONE) {
                    position = appendQuietly(new LogRecord.BranchDone(xid, id), position);
                    tx.state(id, BranchState.DONE);
                }
            }
            if (tx.phase == Phase.TRYING || tx.idsIn(BranchState.DONE).size() < tx.branches.size()) {
                return false;
            }
            position = appendQuietly(new LogRecord.End(xid), position);
            transactions.remove(xid);
            return true;
        } finally {
            lock.unlock();
            writeQuietly(position);
        }
    }

    /** Also where a log that failed to write is repaired, and the decisions taken meanwhile are written. */
    @Override
    public List<String> claimDue(long nowMillis, long claimMillis, int limit) {
        writeUnwrittenDecisions();
        return locked(() -> {
            List<Tx> due = transactions.values().stream()
                    .filter(tx -> tx.failure == null && !tx.decisionPending && tx.dueAt <= nowMillis)
                    .sorted(Comparator.comparingLong(tx -> tx.dueAt)).limit(limit).toList();
            due.forEach(tx -> tx.dueAt = nowMillis + claimMillis);
            return due.stream().map(tx -> tx.begin.xid()).toList();
        });
    }

    private void writeUnwrittenDecisions() {
        List<Tx> unwritten;
        long position = -1;
        lock.lock();
        try {
            if (!records.repair()) {
                return;
            }
            unwritten = transactions.values().stream().filter(tx -> tx.decisionUnwritten).toList();
            for (Tx tx : unwritten) {
                position = records.append(new LogRecord.Decision(tx.begin.xid(), tx.phase == Phase.COMMITTING));
            }
        } catch (TransactionLogException e) {
            return; // failed again: the next scan tries again
        } finally {
            lock.unlock();
        }
        if (unwritten.isEmpty()) {
            return;
        }
        try {
            records.awaitDurable(position);
        } catch (TransactionLogException e) {
            return;
        }
        locked(() -> {
            for (Tx tx : unwritten) {
                tx.decisionUnwritten = false;
                tx.decisionPending = false;
                tx.dueAt = System.currentTimeMillis();
            }
            return null;
        });
    }

    @Override
    public void dueAt(String xid, long atMillis) {
        locked(() -> {
            Tx tx = transactions.get(xid);
            if (tx != null) {
                tx.dueAt = atMillis;
            }
            return null;
        });
    }

    @Override
    public int attemptFailed(String xid) {
        return locked(() -> {
            Tx tx = transactions.get(xid);
            return tx == null ? 0 : ++tx.attempts;
        });
    }

    /** FAILED even if the note is not written: the log then says it is still in phase two, so a restart tries again. */
    @Override
    public void fail(String xid, String reason) {
        long position = -1;
        lock.lock();
        try {
            Tx tx = transactions.get(xid);
            if (tx != null) {
                position = appendQuietly(new LogRecord.Failed(xid, reason), position);
                tx.failure = reason;
            }
        } finally {
            lock.unlock();
            writeQuietly(position);
        }
    }

    /** The decision is written again, which clears FAILED in the records; phase two waits for it. */
    @Override
    public boolean retry(String xid) {
        Tx tx;
        long position;
        lock.lock();
        try {
            tx = transactions.get(xid);
            if (tx == null || tx.failure == null) {
                return false;
            }
            tx.failure = null;
            tx.attempts = 0;
            tx.dueAt = System.currentTimeMillis();
            tx.decisionPending = true;
            try {
                position = records.append(new LogRecord.Decision(xid, tx.phase == Phase.COMMITTING));
            } catch (TransactionLogException e) {
                tx.decisionUnwritten = true;
                return true;
            }
        } finally {
            lock.unlock();
        }
        awaitDecision(tx, position, false);
        return true;
    }

    @Override
    public boolean forget(String xid) {
        long position = -1;
        lock.lock();
        try {
            Tx tx = transactions.get(xid);
            if (tx == null || tx.failure == null) {
                return false;
            }
            position = appendQuietly(new LogRecord.End(xid), position);
            transactions.remove(xid);
            return true;
        } finally {
            lock.unlock();
            writeQuietly(position);
        }
    }

    @Override
    public List<LoggedTransaction> open(int limit) {
        return locked(() -> transactions.values().stream().limit(limit).map(Tx::view).toList());
    }

    @Override
    public String describe() {
        return records.describe();
    }

    @Override
    public void close() {
        records.close();
    }

    /**
     * Appends a note whose loss costs only a repetition after a restart (see the callers).
     *
     * @return its position, or {@code last} when it could not be appended
     */
    private long appendQuietly(LogRecord record, long last) {
        try {
            return records.append(record);
        } catch (TransactionLogException e) {
            return last;
        }
    }

    /**
     * Gives the notes appended up to {@code position} to the file, as soon as the lock is released: in the file, a
     * crash of this process does not lose them.
     */
    private void writeQuietly(long position) {
        if (position < 0) {
            return;
        }
        try {
            records.awaitWritten(position);
        } catch (TransactionLogException e) {
            // the same as a note that could not be appended
        }
    }

    private <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    /** One transaction's state; touched only under the lock. */
    private static final class Tx {
        final LogRecord.Begin begin;
        final Map<Integer, LoggedBranch> branches = new LinkedHashMap<>();
        Phase phase = Phase.TRYING;
        String failure;
        int attempts;
        long dueAt;
        /** Decided, not yet known to be on disk: phase two and claims wait. */
        boolean decisionPending;
        /** A rollback whose record could not be written; the next repair writes it. */
        boolean decisionUnwritten;

        Tx(LogRecord.Begin begin) {
            this.begin = begin;
            this.dueAt = begin.deadline();
        }

        static Tx replayed(RecoveredTransaction recovered) {
            Tx tx = new Tx(recovered.begin());
            tx.phase = recovered.phase();
            tx.failure = recovered.failure();
            if (tx.phase != Phase.TRYING) {
                tx.dueAt = 0;
            }
            for (LogRecord.Branch branch : recovered.branches()) {
                int id = branch.branchId();
                BranchState state = recovered.done().contains(id) ? BranchState.DONE
                        : recovered.failedTries().contains(id) ? BranchState.FAILED
                        : tx.phase == Phase.COMMITTING ? BranchState.RETURNED : BranchState.TRYING;
                tx.branches.put(id, new LoggedBranch(id, branch.participant(), branch.arguments(), state));
            }
            return tx;
        }

        /** Only while {@code TRYING}, which the caller checked; only branches still {@code TRYING}. */
        void returned(List<Integer> ids) {
            for (int id : ids) {
                LoggedBranch branch = branches.get(id);
                if (branch != null && branch.state() == BranchState.TRYING) {
                    state(id, BranchState.RETURNED);
                }
            }
        }

        void state(int id, BranchState state) {
            LoggedBranch branch = branches.get(id);
            branches.put(id, new LoggedBranch(id, branch.participant(), branch.arguments(), state));
        }

        List<Integer> idsIn(BranchState state) {
            List<Integer> ids = new ArrayList<>();
            branches.values().stream().filter(b -> b.state() == state).forEach(b -> ids.add(b.id()));
            return ids;
        }

        LoggedTransaction view() {
            return new LoggedTransaction(begin.xid(), begin.origin(), begin.startedAt(), begin.deadline(), phase,
                    failure, attempts, failure == null ? dueAt : 0, List.copyOf(branches.values()), decisionPending);
        }
    }
}
