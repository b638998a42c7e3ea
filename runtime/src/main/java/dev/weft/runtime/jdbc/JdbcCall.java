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
