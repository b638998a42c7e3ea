package dev.weft.runtime.jdbc;

import dev.weft.runtime.log.Log;
import dev.weft.runtime.weave.Site;

/**
 * The site woven into one kind of JDBC method of every driver and pool. Outside a phase (nearly always) a call costs
 * one thread-local read and returns {@code null}, which also spares the exit call.
 */
public final class JdbcHook implements Site {
    private final JdbcCall call;
    private final Barrier barrier;

    JdbcHook(JdbcCall call, Barrier barrier) {
        this.call = call;
        this.barrier = barrier;
    }

    /** Whether this is the hook of the methods that open connections. */
    boolean opensConnections() {
        return call == JdbcCall.OPEN;
    }

    @Override
    public Object enter(Class<?> declaringType, Object self, Object[] arguments) {
        PhaseState phase = PhaseScope.active();
        if (phase == null || phase.depth > 0) {
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

    @Override
    public void exit(Object scope, Throwable thrown) {
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
