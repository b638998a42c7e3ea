package dev.weft.runtime.jdbc;

import dev.weft.runtime.log.Log;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Transactions the application owns that hold Weft's rows after their method returned ({@link WorkOutcome#PENDING}):
 * followed by their driver's own connection until it commits, rolls back, turns auto-commit on or closes, on whatever
 * thread, and then their {@link TransactionWork} is told. While none is followed, a commit pays one volatile read.
 */
final class PendingWork {
    private static final Map<Connection, List<TransactionWork>> BY_CONNECTION = new IdentityHashMap<>();
    /** BY_CONNECTION's size. */
    private static volatile int followed;

    private PendingWork() {
    }

    static void follow(Connection physical, TransactionWork work) {
        synchronized (BY_CONNECTION) {
            BY_CONNECTION.computeIfAbsent(physical, c -> new ArrayList<>(1)).add(work);
            followed = BY_CONNECTION.size();
        }
    }

    /** Before a hooked call outside any scope: the driver's connection to hand to {@link #after}, or null. */
    static Connection before(JdbcCall call, Object self) {
        return switch (call) {
            case COMMIT, ROLLBACK, SET_AUTO_COMMIT, CLOSE -> followed == 0 ? null
                    : Connections.physical((Connection) self);
            default -> null;
        };
    }

    /** After that call; never throws. A connection closed with its transaction open rolls it back. */
    static void after(JdbcCall call, Connection physical, Throwable thrown) {
        switch (call) {
            case COMMIT -> {
                if (thrown == null) {
                    ended(physical, true);
                }
            }
            case ROLLBACK -> {
                if (thrown == null) {
                    ended(physical, false);
                }
            }
            case SET_AUTO_COMMIT -> {
                if (thrown == null && Connections.autoCommits(physical)) {
                    ended(physical, true);
                }
            }
            case CLOSE -> ended(physical, false);
            default -> {
            }
        }
    }

    private static void ended(Connection physical, boolean committed) {
        List<TransactionWork> works;
        synchronized (BY_CONNECTION) {
            works = BY_CONNECTION.remove(physical);
            followed = BY_CONNECTION.size();
        }
        if (works == null) {
            return;
        }
        for (TransactionWork work : works) {
            if (committed) {
                tell(work::committed, "committed");
            } else {
                tell(work::rolledBack, "rolledBack");
            }
        }
    }

    /** Runs a callback that must not throw; if it does anyway, the application's call goes on. */
    static void tell(Runnable callback, String which) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            Log.error("weft: TransactionWork." + which + "() threw", e);
        }
    }
}
