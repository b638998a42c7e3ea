package dev.weft.runtime.tcc;

import dev.weft.runtime.jdbc.BarrierKey;
import dev.weft.runtime.jdbc.PhaseScope;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A participant for tests: every call is written to {@link #JOURNAL}, and the barrier phase it ran in to
 * {@link #PHASES}; methods named in {@link #FAILING} throw.
 */
public class Accounts {
    static final List<String> JOURNAL = new CopyOnWriteArrayList<>();
    static final List<BarrierKey> PHASES = new CopyOnWriteArrayList<>();
    static final Set<String> FAILING = ConcurrentHashMap.newKeySet();
    /** Runs inside {@link #credit} before it records anything: a test holds a try there. */
    static volatile Runnable duringCredit = () -> {
    };
    /** Runs inside {@link #confirmDebit} before it records anything: a test holds a round there. */
    static volatile Runnable duringConfirmDebit = () -> {
    };

    static void reset() {
        JOURNAL.clear();
        PHASES.clear();
        FAILING.clear();
        duringCredit = () -> {
        };
        duringConfirmDebit = () -> {
        };
    }

    public void debit(String account, long amount) {
        record("debit", account, amount);
    }

    public void confirmDebit(String account, long amount) {
        duringConfirmDebit.run();
        record("confirmDebit", account, amount);
    }

    public void cancelDebit(String account, long amount) {
        record("cancelDebit", account, amount);
    }

    public void credit(String account, long amount) {
        duringCredit.run();
        record("credit", account, amount);
    }

    public void confirmCredit(String account, long amount) {
        record("confirmCredit", account, amount);
    }

    public void cancelCredit(String account, long amount) {
        record("cancelCredit", account, amount);
    }

    private static void record(String method, String account, long amount) {
        BarrierKey phase = PhaseScope.current();
        if (phase != null) {
            PHASES.add(phase);
        }
        if (FAILING.contains(method)) {
            JOURNAL.add(method + " threw");
            throw new IllegalStateException(method + " failed on purpose");
        }
        JOURNAL.add(method + " " + account + " " + amount);
    }
}
