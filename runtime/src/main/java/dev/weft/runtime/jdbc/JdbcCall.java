package dev.weft.runtime.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The JDBC methods the barrier hooks, and what each one means to the barrier's transaction. */
enum JdbcCall {
    /** {@code Statement.execute*}, for every kind of statement: the barrier row goes in before the first one. */
    EXECUTE {
        @Override
        Connection connectionOf(Object self) throws SQLException {
            return ((Statement) self).getConnection();
        }

        @Override
        void before(Barrier barrier, PhaseState phase) throws SQLException {
            barrier.beforeStatement(phase, phase.calling);
        }

        @Override
        void after(Barrier barrier, PhaseState phase, Throwable thrown) {
            if (thrown != null) {
                barrier.statementFailed(phase, phase.calling);
            }
        }
    },
    COMMIT {
        @Override
        void after(Barrier barrier, PhaseState phase, Throwable thrown) {
            if (thrown == null) {
                barrier.committed(phase, phase.calling);
            }
        }
    },
    /** {@code rollback()}; {@code rollback(Savepoint)} cannot reach the barrier row, written before any savepoint. */
    ROLLBACK {
        @Override
        void after(Barrier barrier, PhaseState phase, Throwable thrown) {
            barrier.rolledBack(phase, phase.calling);
        }
    },
    SET_AUTO_COMMIT {
        @Override
        void after(Barrier barrier, PhaseState phase, Throwable thrown) throws SQLException {
            if (thrown == null) {
                barrier.autoCommitChanged(phase, phase.calling);
            }
        }
    },
    CLOSE {
        @Override
        void before(Barrier barrier, PhaseState phase) {
            barrier.closing(phase, phase.calling);
        }
    },
    /**
     * {@code Driver.connect} and {@code DataSource.getConnection}: the barrier does nothing, but being a hooked call
     * makes every JDBC call the driver or pool makes while opening the connection an inner call, which passes
     * untouched. Such statements are not the phase's work, and often not even on the connection being opened: H2 in
     * {@code AUTO_SERVER} mode starts a TCP server whose in-memory management database it fills through JDBC, and a
     * pool may run its validation query. Taken for the phase's first statement, they would carry its barrier row in
     * a transaction of their own, leaving the phase's real work unguarded.
     */
    OPEN {
        @Override
        Connection connectionOf(Object self) {
            return null;
        }
    };

    /** The connection the call is made on; for a statement, the one that created it. */
    Connection connectionOf(Object self) throws SQLException {
        return (Connection) self;
    }

    /** Before the method's body; throwing keeps the body from running. */
    void before(Barrier barrier, PhaseState phase) throws SQLException {
    }

    /** After the body returned ({@code thrown} null) or threw. */
    void after(Barrier barrier, PhaseState phase, Throwable thrown) throws SQLException {
    }
}
