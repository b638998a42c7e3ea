package dev.weft.runtime.jdbc;

import dev.weft.runtime.config.JdbcSettings;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import dev.weft.runtime.weave.Site;

/**
 * JDBC calls made the way woven code makes them: the hook's enter before the real driver method, its exit after.
 * The drivers in the unit-test JVM are not woven (the integration tests run them under the real agent), so this
 * stands in for the advice, and only for the outermost call.
 */
final class Woven {
    private final JdbcHook execute;
    private final JdbcHook commit;
    private final JdbcHook rollback;
    private final JdbcHook setAutoCommit;
    private final JdbcHook close;
    private final Site open;

    Woven(Duration retention, boolean createTable, LongSupplier clock) {
        this(new Barrier(new JdbcSettings(true, retention, createTable, null), clock), false);
    }

    Woven() {
        this(JdbcSettings.DEFAULT_RETENTION, true, System::currentTimeMillis);
    }

    /** The hooks as {@code JdbcWeaveRule.all(settings, null, true)} weaves them with the barrier off. */
    static Woven followingWork() {
        return new Woven(null, true);
    }

    private Woven(Barrier barrier, boolean work) {
        execute = new JdbcHook(JdbcCall.EXECUTE, barrier, null, work);
        commit = new JdbcHook(JdbcCall.COMMIT, barrier, null, work);
        rollback = new JdbcHook(JdbcCall.ROLLBACK, barrier, null, work);
        setAutoCommit = new JdbcHook(JdbcCall.SET_AUTO_COMMIT, barrier, null, work);
        close = new JdbcHook(JdbcCall.CLOSE, barrier, null, work);
        JdbcHook opening = new JdbcHook(JdbcCall.OPEN, barrier, null, work);
        open = work ? new OpeningHook(opening, ConnectionOpeners.recorded()) : opening;
    }

    int update(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            return call(execute, statement, () -> statement.executeUpdate(sql));
        }
    }

    void commit(Connection connection) throws SQLException {
        call(commit, connection, () -> {
            connection.commit();
            return null;
        });
    }

    void rollback(Connection connection) throws SQLException {
        call(rollback, connection, () -> {
            connection.rollback();
            return null;
        });
    }

    void setAutoCommit(Connection connection, boolean on) throws SQLException {
        call(setAutoCommit, connection, () -> {
            connection.setAutoCommit(on);
            return null;
        });
    }

    void close(Connection connection) throws SQLException {
        call(close, connection, () -> {
            connection.close();
            return null;
        });
    }

    /** {@code Driver.connect} or {@code DataSource.getConnection}, with {@code driver} as what the driver does. */
    Connection open(RealDatabase.Source driver) throws SQLException {
        return call(open, driver, driver::open);
    }

    /** {@code dataSource.getConnection()}, woven. */
    Connection open(DataSource dataSource) throws SQLException {
        return call(open, dataSource, dataSource::getConnection);
    }

    /**
     * Calls {@code method} on a driver's connection or statement as woven code would: through its hook, if the
     * barrier hooks that method (see {@link JdbcWeaveRule}).
     */
    Object invoke(Object target, Method method, Object[] arguments) throws Throwable {
        JdbcHook hook = hookFor(target, method);
        Body<Object> body = () -> {
            try {
                return method.invoke(target, arguments);
            } catch (InvocationTargetException e) {
                throw Connections.rethrow(e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        };
        return hook == null ? body.run() : call(hook, target, body);
    }

    private JdbcHook hookFor(Object target, Method method) {
        String name = method.getName();
        int parameters = method.getParameterCount();
        if (target instanceof Statement) {
            return name.startsWith("execute") ? execute : null;
        }
        return switch (name) {
            case "commit" -> commit;
            case "rollback" -> parameters == 0 ? rollback : null;
            case "setAutoCommit" -> setAutoCommit;
            case "close" -> close;
            default -> null;
        };
    }

    private interface Body<T> {
        T run() throws SQLException;
    }

    private static <T> T call(Site hook, Object self, Body<T> body) throws SQLException {
        Object scope = hook.enter(null, self, hook instanceof OpeningHook ? new Object[0] : null);
        T result;
        try {
            result = body.run();
        } catch (SQLException | RuntimeException e) {
            if (scope != null) {
                hook.exit(scope, e);
            }
            throw e;
        }
        if (scope != null) {
            hook.exit(scope, null);
        }
        return result;
    }
}
