package dev.weft.runtime.jdbc;

import dev.weft.runtime.log.Log;
import java.sql.Connection;
import java.sql.SQLException;
import dev.weft.runtime.weave.Site;

/**
 * The site woven into one kind of JDBC method of every driver and pool, for the barrier's phases and for locks that
 * wait for a connection's commit ({@link UncommittedWrites}). Outside a phase and a locked method (nearly always) a
 * call costs a thread-local read or two and returns {@code null}, which also spares the exit call.
 */
public final class JdbcHook implements Site {
    private final JdbcCall call;
    /** Null when the barrier is off. */
    private final Barrier barrier;
    /** Null when no lock is configured. */
    private final UncommittedWrites writes;

    JdbcHook(JdbcCall call, Barrier barrier) {
        this(call, barrier, null);
    }

    JdbcHook(JdbcCall call, Barrier barrier, UncommittedWrites writes) {
        this.call = call;
        this.barrier = barrier;
        this.writes = writes;
    }

    /** What {@link #enter} hands to {@link #exit} for {@link UncommittedWrites}: the driver's own connection. */
    private record Followed(Connection physical) {
    }

    /** Whether this is the hook of the methods that open connections. */
    boolean opensConnections() {
        return call == JdbcCall.OPEN;
    }

    @Override
    public Object enter(Class<?> declaringType, Object self, Object[] arguments) {
        PhaseState phase = barrier == null ? null : PhaseScope.active();
        if (phase == null) {
            return writes == null ? null : followWrites(self);
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

    private Object followWrites(Object self) {
        try {
            Connection physical = writes.before(call, self);
            return physical == null ? null : new Followed(physical);
        } catch (SQLException | RuntimeException e) {
            // The call itself will meet the same trouble and report it; this one only costs the lock some wait
            Log.debug("could not follow a JDBC " + call + " call for a lock: " + e);
            return null;
        }
    }

    @Override
    public void exit(Object scope, Throwable thrown) {
        if (scope instanceof Followed followed) {
            writes.after(call, followed.physical(), thrown);
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
}
