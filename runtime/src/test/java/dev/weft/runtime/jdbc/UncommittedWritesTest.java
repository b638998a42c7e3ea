package dev.weft.runtime.jdbc;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.weft.runtime.config.OnBusy;
import dev.weft.runtime.config.RedisSettings;
import dev.weft.runtime.lock.HeldLock;
import dev.weft.runtime.lock.LockOptions;
import dev.weft.runtime.lock.LockService;
import dev.weft.runtime.redis.RawRedis;
import dev.weft.testkit.RedisExtension;
import dev.weft.runtime.weave.Site;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A lock whose method wrote on a JDBC connection with auto-commit off is released when that connection's
 * transaction ends, on a real H2 database and a real Redis. The driver is not woven in the unit-test JVM, so the
 * hooks are called around each driver call as the woven advice calls them (the integration tests run the agent).
 */
class UncommittedWritesTest {
    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();
    static final LockOptions NO_WAIT = new LockOptions(Duration.ofSeconds(60), Duration.ZERO, OnBusy.THROW,
            "UncommittedWritesTest");

    static RawRedis raw;
    LockService locks;
    UncommittedWrites writes;
    JdbcHook execute;
    JdbcHook commit;
    JdbcHook rollback;
    JdbcHook setAutoCommit;
    JdbcHook close;
    Connection connection;
    String key;

    @BeforeAll
    static void connectRaw() {
        raw = new RawRedis(REDIS.uri());
    }

    @AfterAll
    static void closeRaw() {
        raw.close();
    }

    @BeforeEach
    void start(TestInfo test) throws SQLException {
        locks = new LockService(new RedisSettings(REDIS.uri(), List.of(), Duration.ofSeconds(5), "weft:"));
        writes = new UncommittedWrites(locks::runningLocked);
        locks.waitFor(writes);
        execute = new JdbcHook(JdbcCall.EXECUTE, null, writes);
        commit = new JdbcHook(JdbcCall.COMMIT, null, writes);
        rollback = new JdbcHook(JdbcCall.ROLLBACK, null, writes);
        setAutoCommit = new JdbcHook(JdbcCall.SET_AUTO_COMMIT, null, writes);
        close = new JdbcHook(JdbcCall.CLOSE, null, writes);
        String name = test.getTestMethod().orElseThrow().getName();
        key = "jdbc:" + name;
        connection = DriverManager.getConnection("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        try (Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE IF NOT EXISTS stock (id INT PRIMARY KEY, quantity INT)");
            sql.execute("MERGE INTO stock VALUES (1, 10)");
        }
    }

    @AfterEach
    void stop() throws SQLException {
        if (!connection.isClosed()) {
            connection.close();
        }
        locks.close();
    }

    @Test
    void aWriteWithAutoCommitOffHoldsTheLockUntilTheCommit() throws SQLException {
        connection.setAutoCommit(false);
        lockedDecrement();
        assertNotNull(owner(), "released before the commit");

        call(commit, connection, connection::commit);

        assertNull(owner());
    }

    @Test
    void aRollbackReleasesTheLock() throws SQLException {
        connection.setAutoCommit(false);
        lockedDecrement();

        call(rollback, connection, connection::rollback);

        assertNull(owner());
    }

    @Test
    void turningAutoCommitOnCommitsAndReleasesTheLock() throws SQLException {
        connection.setAutoCommit(false);
        lockedDecrement();

        call(setAutoCommit, connection, () -> connection.setAutoCommit(true));

        assertNull(owner());
    }

    @Test
    void closingTheConnectionReleasesTheLock() throws SQLException {
        connection.setAutoCommit(false);
        lockedDecrement();

        call(close, connection, connection::close);

        assertNull(owner());
    }

    @Test
    void aWriteInAutoCommitModeIsCommittedAlreadySoTheLockIsReleasedAtTheExit() throws SQLException {
        lockedDecrement();

        assertNull(owner());
    }

    @Test
    void aWriteOutsideTheLockedMethodDoesNotHoldItsLock() throws SQLException {
        connection.setAutoCommit(false);
        update();
        HeldLock held = locks.acquire(key, NO_WAIT);
        locks.release(held, UncommittedWritesTest.class);

        assertNull(owner());
        call(commit, connection, connection::commit);
    }

    @Test
    void theControlWithoutFollowingWritesReleasesBeforeTheCommit() throws SQLException {
        locks.waitFor(dev.weft.runtime.lock.TransactionEnds.NONE);
        connection.setAutoCommit(false);
        lockedDecrement();

        assertNull(owner(), "the defect: the next holder could read the uncommitted row's old value");
        call(commit, connection, connection::commit);
    }

    /** What the woven advice does around a locked method whose body writes on the connection. */
    private void lockedDecrement() throws SQLException {
        HeldLock held = locks.acquire(key, NO_WAIT);
        try {
            update();
        } finally {
            locks.release(held, UncommittedWritesTest.class);
        }
    }

    private void update() throws SQLException {
        try (Statement sql = connection.createStatement()) {
            call(execute, sql, () -> sql.executeUpdate("UPDATE stock SET quantity = quantity - 1 WHERE id = 1"));
        }
    }

    private String owner() {
        locks.awaitReleases();
        return raw.owner("weft:lock:{" + key + "}");
    }

    interface JdbcCallBody {
        void run() throws SQLException;
    }

    /** The hook's enter before the driver call and its exit after, as {@code ObservingAdvice} does. */
    private static void call(Site hook, Object self, JdbcCallBody body) throws SQLException {
        Object scope = hook.enter(self.getClass(), self, null);
        Throwable thrown = null;
        try {
            body.run();
        } catch (SQLException | RuntimeException e) {
            thrown = e;
            throw e;
        } finally {
            if (scope != null) {
                hook.exit(scope, thrown);
            }
        }
    }
}
