package dev.weft.runtime.tcc;

import dev.weft.runtime.txlog.BranchState;
import dev.weft.runtime.txlog.Carried;
import dev.weft.runtime.txlog.LogRecord;
import dev.weft.runtime.txlog.NotTryingException;
import dev.weft.runtime.txlog.ParticipantId;
import dev.weft.runtime.txlog.Phase;
import dev.weft.runtime.txlog.LoggedTransaction;
import dev.weft.runtime.txlog.LoggedTransaction.LoggedBranch;
import dev.weft.runtime.txlog.TransactionLog;
import dev.weft.runtime.txlog.TransactionLogException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The {@link TransactionLog} contract in memory, for the coordination tests of several {@link Transactions} in
 * one JVM: each method is one atomic step (synchronized), as a store's script or statement is. {@link #down} makes
 * every call fail as an unreachable store would, and {@link #decideAndThenFail} makes a decision land and its answer
 * get lost.
 */
final class MemoryTransactionLog implements TransactionLog {
    private final Map<String, Tx> transactions = new LinkedHashMap<>();
    volatile boolean down;
    volatile boolean decideAndThenFail;
    /** Like {@link #decideAndThenFail}, and another instance then finishes and ends the transaction at once. */
    volatile boolean decideThenEndAndFail;
    /** Every call, in order, from every instance and thread. */
    final List<Call> calls = new CopyOnWriteArrayList<>();

    record Call(String operation, Thread thread) {
    }

    /** The operations called on this thread so far. */
    List<String> callsOfThisThread() {
        return calls.stream().filter(c -> c.thread() == Thread.currentThread()).map(Call::operation).toList();
    }

    private static final class Tx {
        final LogRecord.Begin begin;
        Phase phase = Phase.TRYING;
        String failure;
        int attempts;
        long dueAt;
        final List<LoggedBranch> branches = new ArrayList<>();

        Tx(LogRecord.Begin begin) {
            this.begin = begin;
            this.dueAt = begin.deadline();
        }

        LoggedTransaction view() {
            return new LoggedTransaction(begin.xid(), begin.origin(), begin.startedAt(), begin.deadline(), phase,
                    failure, attempts, dueAt, branches);
        }

        /** Only while TRYING, which the caller checked; only branches still TRYING. */
        void returned(List<Integer> ids) {
            ids.stream().filter(id -> branches.get(id).state() == BranchState.TRYING)
                    .forEach(id -> state(id, BranchState.RETURNED));
        }

        void state(int branchId, BranchState state) {
            LoggedBranch b = branches.get(branchId);
            branches.set(branchId, new LoggedBranch(b.id(), b.participant(), b.arguments(), state));
        }
    }

    /** Records the call, then fails it if the store is down. */
    private void reachable(String operation) {
        calls.add(new Call(operation, Thread.currentThread()));
        if (down) {
            throw new TransactionLogException("the in-memory store is down (test)");
        }
    }

    @Override
    public synchronized void begin(LogRecord.Begin begin) {
        reachable("begin");
        transactions.putIfAbsent(begin.xid(), new Tx(begin));
    }

    @Override
    public synchronized int register(String xid, ParticipantId participant, String arguments, Carried carried) {
        reachable("register");
        if (carried.begin() != null) {
            transactions.putIfAbsent(xid, new Tx(carried.begin()));
        }
        Tx tx = transactions.get(xid);
        if (tx == null || tx.phase != Phase.TRYING) {
            throw new NotTryingException(xid, tx == null ? null : tx.phase);
        }
        tx.returned(carried.returned());
        int id = tx.branches.size();
        tx.branches.add(new LoggedBranch(id, participant, arguments, BranchState.TRYING));
        return id;
    }

    @Override
    public synchronized boolean tryEnded(String xid, int branchId, BranchState end) {
        reachable("tryEnded");
        Tx tx = transactions.get(xid);
        if (tx == null) {
            return false;
        }
        if (end == BranchState.RETURNED) {
            if (tx.phase != Phase.TRYING || tx.branches.get(branchId).state() != BranchState.TRYING) {
                return false;
            }
            tx.state(branchId, BranchState.RETURNED);
        } else if (tx.branches.get(branchId).state() != BranchState.DONE) {
            tx.state(branchId, end);
        }
        return true;
    }

    @Override
    public synchronized Optional<LoggedTransaction> decide(String xid, boolean commit, List<Integer> returned) {
        reachable("decide");
        Tx tx = transactions.get(xid);
        if (tx == null) {
            return Optional.empty();
        }
        if (tx.phase == Phase.TRYING) {
            tx.returned(returned);
            tx.phase = commit ? Phase.COMMITTING : Phase.ROLLING_BACK;
            tx.dueAt = System.currentTimeMillis();
        }
        if (decideThenEndAndFail) {
            decideThenEndAndFail = false;
            transactions.remove(xid);
            throw new TransactionLogException("the answer of the in-memory store was lost (test)");
        }
        if (decideAndThenFail) {
            decideAndThenFail = false;
            throw new TransactionLogException("the answer of the in-memory store was lost (test)");
        }
        return Optional.of(tx.view());
    }

    @Override
    public synchronized Optional<LoggedTransaction> load(String xid) {
        reachable("load");
        return Optional.ofNullable(transactions.get(xid)).map(Tx::view);
    }

    @Override
    public synchronized boolean finishRound(String xid, List<Integer> done) {
        reachable("finishRound");
        Tx tx = transactions.get(xid);
        if (tx == null) {
            return true;
        }
        done.forEach(id -> tx.state(id, BranchState.DONE));
        if (tx.phase == Phase.TRYING || tx.branches.stream().anyMatch(b -> b.state() != BranchState.DONE)) {
            return false;
        }
        transactions.remove(xid);
        return true;
    }

    @Override
    public synchronized List<String> claimDue(long nowMillis, long claimMillis, int limit) {
        reachable("claimDue");
        List<String> due = new ArrayList<>();
        transactions.values().stream()
                .filter(tx -> tx.failure == null && tx.dueAt <= nowMillis)
                .sorted(Comparator.comparingLong(tx -> tx.dueAt))
                .limit(limit)
                .forEach(tx -> {
                    tx.dueAt = nowMillis + claimMillis;
                    due.add(tx.begin.xid());
                });
        return due;
    }

    @Override
    public synchronized void dueAt(String xid, long atMillis) {
        reachable("dueAt");
        Tx tx = transactions.get(xid);
        if (tx != null && tx.failure == null) {
            tx.dueAt = atMillis;
        }
    }

    @Override
    public synchronized int attemptFailed(String xid) {
        reachable("attemptFailed");
        Tx tx = transactions.get(xid);
        return tx == null ? 0 : ++tx.attempts;
    }

    @Override
    public synchronized void fail(String xid, String reason) {
        reachable("fail");
        Tx tx = transactions.get(xid);
        if (tx != null) {
            tx.failure = reason;
            tx.dueAt = 0;
        }
    }

    @Override
    public synchronized boolean retry(String xid) {
        reachable("retry");
        Tx tx = transactions.get(xid);
        if (tx == null || tx.failure == null) {
            return false;
        }
        tx.failure = null;
        tx.attempts = 0;
        tx.dueAt = System.currentTimeMillis();
        return true;
    }

    @Override
    public synchronized boolean forget(String xid) {
        reachable("forget");
        Tx tx = transactions.get(xid);
        if (tx == null || tx.failure == null) {
            return false;
        }
        transactions.remove(xid);
        return true;
    }

    @Override
    public synchronized List<LoggedTransaction> open(int limit) {
        reachable("open");
        return transactions.values().stream().map(Tx::view).limit(limit).toList();
    }

    @Override
    public boolean sharedByProcesses() {
        return true;
    }

    @Override
    public String describe() {
        return "the in-memory shared log";
    }

    @Override
    public void close() {
    }
}
