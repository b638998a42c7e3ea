package dev.weft.runtime.jdbc;

import dev.weft.runtime.log.Log;
import java.sql.Connection;
import java.sql.SQLException;
import dev.weft.runtime.weave.Site;

/**
 * The site woven into one kind of JDBC method of every driver and pool, for the barrier's phases, for methods whose
 * work Weft adds rows to ({@link WorkScope}), and for locks that wait for a connection's commit
 * ({@link UncommittedWrites}). Outside a phase, a scope and a locked method (nearly always) a call costs a
 * thread-local read or two and returns {@code null}, which also spares the exit call. A barrier phase keeps
 * precedence over a scope.
 */
public final class JdbcHook implements Site {
    private final JdbcCall call;
    /** Null when the barrier is off. */
    private final Barrier barrier;
    /** Null when no lock is configured. */
    private final UncommittedWrites writes;
    /** Whether {@link WorkScope}s and their {@link PendingWork} are followed. */
    private final boolean followsWork;

    JdbcHook(JdbcCall call, Barrier barrier) {
        this(call, barrier, null);
    }

    JdbcHook(JdbcCall call, Barrier barrier, UncommittedWrites writes) {
        this(call, barrier, writes, false);
    }

    JdbcHook(JdbcCall call, Barrier barrier, UncommittedWrites writes, boolean followsWork) {
        this.call = call;
        this.barrier = barrier;
        this.writes = writes;
        this.followsWork = followsWork;
    }

    /**
     * What {@link #enter} hands to {@link #exit} outside a phase: the scope whose call it is (or null), and the
     * driver's own connection for {@link UncommittedWrites} and {@link PendingWork} (or null).
     */
    private record Followed(WorkState work, Connection physical) {
    }

    /** Whether this is the hook of the methods that open connections. */
    boolean opensConnections() {
        return call == JdbcCall.OPEN;
    }

    @Override
    public Object enter(Class<?> declaringType, Object self, Object[] arguments) {
        PhaseState phase = barrier == null ? null : PhaseScope.active();
        if (phase == null) {
            return outsidePhase(self);
        }
        if (phase.depth > 0) {
            return null;
        }
        phase.depth++;
        try {
            phase.calling = call.connectionOf(self);
            call.before(barrier, phase);
            return phase;
        } catch (Throwable e) {
            phase.depth--;
            throw Connections.rethrow(e);
        }
    }

    private Object outsidePhase(Object self) {
        WorkState work = followsWork ? WorkScope.active() : null;
        if (work != null && work.depth > 0) {
            return null;
        }
        if (work != null) {
            enterWork(work, self);
        }
        Connection physical = writes == null ? null : followWrites(self);
        if (physical == null && followsWork) {
            physical = PendingWork.before(call, self);
        }
        return work == null && physical == null ? null : new Followed(work, physical);
    }

    private void enterWork(WorkState work, Object self) {
        work.depth++;
        try {
            work.calling = call.connectionOf(self);
            work.before(call, work.calling);
        } catch (Throwable e) {
            work.calling = null;
            work.depth--;
            throw Connections.rethrow(e);
        }
    }

    private Connection followWrites(Object self) {
        try {
            return writes.before(call, self);
        } catch (SQLException | RuntimeException e) {
            // The call itself will meet the same trouble and report it; this one only costs the lock some wait
            Log.debug("could not follow a JDBC " + call + " call for a lock: " + e);
            return null;
        }
    }

    @Override
    public void exit(Object scope, Throwable thrown) {
        if (scope instanceof Followed followed) {
            exitOutsidePhase(followed, thrown);
            return;
        }
        PhaseState phase = (PhaseState) scope;
        try {
            call.after(barrier, phase, thrown);
        } catch (Exception e) {
            Log.warn(phase.key() + ": the barrier could not follow a " + call + " call: " + e);
        } finally {
            phase.calling = null;
            phase.depth--;
        }
    }

    private void exitOutsidePhase(Followed followed, Throwable thrown) {
        WorkState work = followed.work();
        if (work != null) {
            try {
                work.after(call, work.calling, thrown);
            } finally {
                work.calling = null;
                work.depth--;
            }
        }
        Connection physical = followed.physical();
        if (physical != null) {
            if (writes != null) {
                writes.after(call, physical, thrown);
            }
            if (followsWork) {
                PendingWork.after(call, physical, thrown);
            }
        }
    }
}
