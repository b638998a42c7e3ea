package dev.weft.runtime.jdbc;

import dev.weft.runtime.lock.TransactionEnds;
import dev.weft.runtime.log.Log;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Plain JDBC transactions for locks: a locked method that wrote on a connection with auto-commit off has written
 * nothing the next holder can see until that connection commits, so its lock is released only when the connection's
 * transaction ends: {@code commit} (that returned), {@code rollback}, {@code setAutoCommit(true)} or {@code close}
 * (docs/locks.md, "Held until the data is committed").
 *
 * <p>It rides on the barrier's hooks in every driver's and pool's {@code Connection} and {@code Statement}
 * ({@link JdbcHook}); connections are told apart by the driver's own connection under pool wrappers. Statements are
 * looked at only while the thread runs a locked method, and the ends of transactions only while some connection is
 * followed, so an application without locked writes pays one volatile read per commit.
 */
public final class UncommittedWrites implements TransactionEnds {
    private final BooleanSupplier runningLocked;
    /** Per thread: the connections it wrote on in locked methods, maybe ended since (see {@link #dirty}). */
    private final ThreadLocal<Set<Connection>> written =
            ThreadLocal.withInitial(() -> Collections.newSetFromMap(new IdentityHashMap<>()));
    /** Connections written on in locked methods whose transaction has not ended yet, whichever thread ends it. */
    private final Set<Connection> dirty = Collections.newSetFromMap(new IdentityHashMap<>());
    /** The releases each connection's transaction end lets go. */
    private final Map<Connection, List<Runnable>> awaiting = new IdentityHashMap<>();
    /** dirty's size: zero spares every commit the work of finding its connection. */
    private volatile int followed;

    /** @param runningLocked whether the current thread runs a locked method now */
    public UncommittedWrites(BooleanSupplier runningLocked) {
        this.runningLocked = runningLocked;
    }

    @Override
    public void attach(Class<?> woven, PendingRelease release) {
        Set<Connection> mine = written.get();
        if (mine.isEmpty()) {
            return;
        }
        synchronized (this) {
            mine.removeIf(connection -> !dirty.contains(connection));
            for (Connection connection : mine) {
                awaiting.computeIfAbsent(connection, c -> new ArrayList<>(1)).add(release.awaitEnd());
            }
        }
    }

    /** Before a hooked call outside any barrier phase; a non-null answer is handed to {@link #after}. */
    Connection before(JdbcCall call, Object self) throws SQLException {
        switch (call) {
            case EXECUTE -> {
                if (runningLocked.getAsBoolean()) {
                    wrote(((Statement) self).getConnection());
                }
                return null;
            }
            case COMMIT, ROLLBACK, SET_AUTO_COMMIT, CLOSE -> {
                return followed == 0 ? null : Connections.physical((Connection) self);
            }
            default -> {
                return null;
            }
        }
    }

    /** After the call that {@link #before} answered for; never throws. */
    void after(JdbcCall call, Connection physical, Throwable thrown) {
        boolean ended = switch (call) {
            case COMMIT, ROLLBACK -> thrown == null;
            case SET_AUTO_COMMIT -> thrown == null && Connections.autoCommits(physical);
            case CLOSE -> true;
            default -> false;
        };
        if (ended) {
            ended(physical);
        }
    }

    private void wrote(Connection connection) throws SQLException {
        if (connection == null || connection.getAutoCommit()) {
            return;
        }
        Connection physical = Connections.physical(connection);
        written.get().add(physical);
        synchronized (this) {
            if (dirty.add(physical)) {
                followed = dirty.size();
            }
        }
    }

    private void ended(Connection physical) {
        List<Runnable> released;
        synchronized (this) {
            if (!dirty.remove(physical)) {
                return;
            }
            followed = dirty.size();
            released = awaiting.remove(physical);
        }
        written.get().remove(physical);
        if (released != null) {
            released.forEach(UncommittedWrites::runQuietly);
        }
    }

    private static void runQuietly(Runnable release) {
        try {
            release.run();
        } catch (RuntimeException e) {
            Log.error("releasing a lock after its JDBC transaction ended failed", e);
        }
    }
}
