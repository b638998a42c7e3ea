package dev.weft.runtime.txlog.jdbc;

import static dev.weft.runtime.txlog.jdbc.LogSchema.BRANCH;
import static dev.weft.runtime.txlog.jdbc.LogSchema.TX;

import dev.weft.runtime.config.TransactionSettings;
import dev.weft.runtime.jdbc.DatabaseProduct;
import dev.weft.runtime.log.Log;
import dev.weft.runtime.txlog.BranchState;
import dev.weft.runtime.txlog.Carried;
import dev.weft.runtime.txlog.LogRecord;
import dev.weft.runtime.txlog.NotTryingException;
import dev.weft.runtime.txlog.ParticipantId;
import dev.weft.runtime.txlog.Phase;
import dev.weft.runtime.txlog.LoggedTransaction;
import dev.weft.runtime.txlog.TransactionLog;
import dev.weft.runtime.txlog.TransactionLogException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * {@code transactions.log.type: jdbc}: the shared log in two tables of a database (docs/distributed-tcc.md, "Database
 * layout"). Each operation is one short local transaction; every compare-and-set is a conditional {@code UPDATE}
 * whose update count says whether it happened. Concurrent writers of one transaction meet on its row in
 * {@code weft_tcc_tx}: the database makes the second {@code UPDATE} wait for the first one's commit and then evaluates
 * its condition against the committed row, which is why READ COMMITTED is enough. Changes to a transaction's branches
 * lock that row first, so they are ordered with its decision.
 */
public final class JdbcTransactionLog implements TransactionLog {
    private static final String TRYING = Phase.TRYING.name();
    private static final String LOCK_TX = "SELECT phase FROM " + TX + " WHERE xid = ? FOR UPDATE";
    private static final String PHASE = "SELECT phase FROM " + TX + " WHERE xid = ?";
    /** The second attempt finds what the winner of the race created; the third is margin. */
    private static final int DDL_ATTEMPTS = 3;

    private final LocalTransactions transactions;
    private final String described;
    private final LongSupplier clock;

    private JdbcTransactionLog(LocalTransactions transactions, String described, LongSupplier clock) {
        this.transactions = transactions;
        this.described = described;
        this.clock = clock;
    }

    /**
     * Connects and creates the tables if they are missing, when the driver is on the system class path; otherwise
     * that happens at the log's first use, with the driver of an application class loader (see {@link LogDriver}).
     *
     * @param applicationLoaders the class loaders of the application's woven classes, so far
     * @throws TransactionLogException when the driver is on the system class path but the database cannot be reached
     *     or is not one the log knows
     */
    public static JdbcTransactionLog open(TransactionSettings.JdbcLog settings,
                                          Supplier<List<ClassLoader>> applicationLoaders) {
        return open(settings, ClassLoader.getSystemClassLoader(), applicationLoaders, System::currentTimeMillis);
    }

    static JdbcTransactionLog open(TransactionSettings.JdbcLog settings, LongSupplier clock) {
        return open(settings, ClassLoader.getSystemClassLoader(), List::of, clock);
    }

    static JdbcTransactionLog open(TransactionSettings.JdbcLog settings, ClassLoader atStartUp,
                                   Supplier<List<ClassLoader>> applicationLoaders, LongSupplier clock) {
        String shownUrl = ConnectProperties.shown(settings.url());
        String described = "the JDBC transaction log at " + shownUrl
                + (settings.user() == null ? "" : " (user " + settings.user() + ")");
        LogDriver driver = new LogDriver(settings.url(), shownUrl, atStartUp, applicationLoaders);
        LogConnections connections = new LogConnections(driver, settings.url(),
                ConnectProperties.of(settings.url(), settings.user(), settings.password()), described);
        LocalTransactions transactions = new LocalTransactions(connections, described, connection -> {
            createTables(connection, described);
            return null;
        });
        if (driver.foundAtStartUp()) {
            try {
                transactions.setUp();
            } catch (RuntimeException e) {
                transactions.close();
                throw e;
            }
        } else {
            Log.info("no JDBC driver on the system class path accepts transactions.log.url " + shownUrl + ": the log"
                    + " is opened at its first use, with the driver of the application's class loader (a Spring Boot"
                    + " fat jar keeps its drivers in BOOT-INF/lib)");
        }
        return new JdbcTransactionLog(transactions, described, clock);
    }

    private static void createTables(Connection connection, String described) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        DatabaseProduct known = DatabaseProduct.of(product).orElseThrow(() -> new TransactionLogException(described
                + " is on " + product + "; transactions.log.type: jdbc works with H2, PostgreSQL, MySQL and MariaDB:"
                + " use one of those, or type: redis"));
        for (String ddl : LogSchema.create(known)) {
            createRacingOthers(connection, ddl);
        }
    }

    /**
     * Instances starting together race on {@code CREATE ... IF NOT EXISTS}: the loser's statement may fail although
     * the object now exists (PostgreSQL: a duplicate key in its catalog; H2: "object already exists"). The winner has
     * committed by then, so running the statement again finds the object.
     */
    private static void createRacingOthers(Connection connection, String ddl) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                Statements.update(connection, ddl);
                connection.commit();
                return;
            } catch (SQLException e) {
                connection.rollback();
                if (attempt == DDL_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    @Override
    public void begin(LogRecord.Begin begin) {
        transactions.run("recording the beginning of " + begin.xid(), connection -> {
            insertIfAbsent(connection, begin);
            return null;
        });
    }

    /** Only the root begins its transaction, once, or again after an error: never two at once. */
    private static void insertIfAbsent(Connection connection, LogRecord.Begin begin) throws SQLException {
        if (Statements.first(connection, PHASE, LogRows::phase, begin.xid()) == null) {
            Statements.update(connection, "INSERT INTO " + TX + " (xid, origin, started_at, deadline, phase,"
                            + " attempts, due_at, next_branch) VALUES (?, ?, ?, ?, ?, 0, ?, 0)", begin.xid(),
                    begin.origin(), begin.startedAt(), begin.deadline(), TRYING, begin.deadline());
        }
    }

    /** A branch id, or the phase that refused the branch (null: no such transaction). */
    private record Registration(Integer branchId, Phase refusedBy) {
    }

    @Override
    public int register(String xid, ParticipantId participant, String arguments, Carried carried) {
        Registration registration = transactions.run("registering a branch of " + xid, connection -> {
            if (carried.begin() != null) {
                insertIfAbsent(connection, carried.begin());
            }
            // the update locks the transaction's row until commit: concurrent registrations take turns, and a
            // decision either comes before (no row updated) or waits for this branch to be in
            int counted = Statements.update(connection, "UPDATE " + TX + " SET next_branch = next_branch + 1"
                    + " WHERE xid = ? AND phase = ?", xid, TRYING);
            if (counted == 0) {
                return new Registration(null, Statements.first(connection, PHASE, LogRows::phase, xid));
            }
            BranchWrites.returned(connection, xid, carried.returned());
            int id = Statements.first(connection, "SELECT next_branch FROM " + TX + " WHERE xid = ?",
                    row -> row.getInt(1), xid) - 1;
            Statements.update(connection, "INSERT INTO " + BRANCH + " (xid, branch_id, class_name, try_method,"
                            + " descriptor, confirm_name, cancel_name, arguments, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    xid, id, participant.className(), participant.tryMethod(), participant.descriptor(),
                    participant.confirm(), participant.cancel(), arguments, BranchState.TRYING.name());
            return new Registration(id, null);
        });
        if (registration.branchId() == null) {
            throw new NotTryingException(xid, registration.refusedBy());
        }
        return registration.branchId();
    }

    @Override
    public boolean tryEnded(String xid, int branchId, BranchState end) {
        BranchState.checkTryEnd(end);
        return transactions.run("recording the end of branch " + branchId + " of " + xid, connection -> {
            // locking the transaction's row orders this change with the decision, which updates that row
            Phase phase = Statements.first(connection, LOCK_TX, LogRows::phase, xid);
            if (end == BranchState.RETURNED) {
                return phase == Phase.TRYING && Statements.update(connection, "UPDATE " + BRANCH + " SET state = ?"
                        + " WHERE xid = ? AND branch_id = ? AND state = ?", BranchState.RETURNED.name(), xid, branchId,
                        BranchState.TRYING.name()) == 1;
            }
            // a branch already DONE (cancelled while its try still ran) stays done: it has nothing left to undo
            Statements.update(connection, "UPDATE " + BRANCH + " SET state = ? WHERE xid = ? AND branch_id = ?"
                    + " AND state <> ?", end.name(), xid, branchId, BranchState.DONE.name());
            return phase != null;
        });
    }

    @Override
    public Optional<LoggedTransaction> decide(String xid, boolean commit, List<Integer> returned) {
        Phase asked = commit ? Phase.COMMITTING : Phase.ROLLING_BACK;
        return Optional.ofNullable(transactions.run("deciding " + xid, connection -> {
            if (Statements.update(connection, "UPDATE " + TX + " SET phase = ?, due_at = ? WHERE xid = ? AND phase = ?",
                    asked.name(), clock.getAsLong(), xid, TRYING) == 1) {
                // committed with the decision or not at all, and the row stays locked until then: no reader sees the
                // decision without these
                BranchWrites.returned(connection, xid, returned);
            }
            // this transaction's decision, or the one that came first: the row is locked or decided either way
            return snapshot(connection, xid);
        }));
    }

    @Override
    public Optional<LoggedTransaction> load(String xid) {
        return Optional.ofNullable(transactions.run("reading " + xid, connection -> snapshot(connection, xid)));
    }

    private static LoggedTransaction snapshot(Connection connection, String xid) throws SQLException {
        LogRows.TxRow tx = Statements.first(connection, LogRows.SELECT_TX, LogRows::tx, xid);
        return tx == null ? null : LogRows.withBranches(connection, tx);
    }

    @Override
    public boolean finishRound(String xid, List<Integer> done) {
        return transactions.run("recording branches " + done + " of " + xid + " as done", connection -> {
            Phase phase = Statements.first(connection, LOCK_TX, LogRows::phase, xid);
            if (phase == null) {
                return true;
            }
            BranchWrites.done(connection, xid, done);
            if (phase == Phase.TRYING || Statements.first(connection, "SELECT COUNT(*) FROM " + BRANCH
                    + " WHERE xid = ? AND state <> ?", row -> row.getInt(1), xid, BranchState.DONE.name()) > 0) {
                return false;
            }
            deleteTransaction(connection, xid);
            return true;
        });
    }

    private static void deleteTransaction(Connection connection, String xid) throws SQLException {
        Statements.update(connection, "DELETE FROM " + BRANCH + " WHERE xid = ?", xid);
        Statements.update(connection, "DELETE FROM " + TX + " WHERE xid = ?", xid);
    }

    /** A due transaction as the scan saw it: the claim succeeds only if its due time is still this one. */
    private record Due(String xid, long dueAt) {
    }

    @Override
    public List<String> claimDue(long nowMillis, long claimMillis, int limit) {
        List<Due> candidates = transactions.run("looking for due transactions", connection ->
                Statements.query(connection, "SELECT xid, due_at FROM " + TX + " WHERE due_at <= ? ORDER BY due_at"
                        + " LIMIT ?", row -> new Due(row.getString(1), row.getLong(2)), nowMillis, limit));
        List<String> claimed = new ArrayList<>();
        for (Due due : candidates) {
            // one transaction per claim, so that no instance holds several rows locked while another wants them
            int updated = transactions.run("claiming " + due.xid(), connection -> Statements.update(connection,
                    "UPDATE " + TX + " SET due_at = ? WHERE xid = ? AND due_at = ?", nowMillis + claimMillis,
                    due.xid(), due.dueAt()));
            if (updated == 1) {
                claimed.add(due.xid());
            }
        }
        return claimed;
    }

    @Override
    public void dueAt(String xid, long atMillis) {
        transactions.run("rescheduling " + xid, connection -> Statements.update(connection, "UPDATE " + TX
                + " SET due_at = ? WHERE xid = ? AND failure IS NULL", atMillis, xid));
    }

    @Override
    public int attemptFailed(String xid) {
        Integer attempts = transactions.run("counting a failed attempt of " + xid, connection -> {
            Statements.update(connection, "UPDATE " + TX + " SET attempts = attempts + 1 WHERE xid = ?", xid);
            return Statements.first(connection, "SELECT attempts FROM " + TX + " WHERE xid = ?", row -> row.getInt(1),
                    xid);
        });
        return attempts == null ? 0 : attempts;
    }

    @Override
    public void fail(String xid, String reason) {
        transactions.run("marking " + xid + " FAILED", connection -> Statements.update(connection, "UPDATE " + TX
                + " SET failure = ?, due_at = NULL WHERE xid = ?", reason, xid));
    }

    @Override
    public boolean retry(String xid) {
        return transactions.run("retrying " + xid, connection -> Statements.update(connection, "UPDATE " + TX
                + " SET failure = NULL, attempts = 0, due_at = ? WHERE xid = ? AND failure IS NOT NULL",
                clock.getAsLong(), xid) == 1);
    }

    @Override
    public boolean forget(String xid) {
        return transactions.run("forgetting " + xid, connection -> {
            if (Statements.update(connection, "DELETE FROM " + TX + " WHERE xid = ? AND failure IS NOT NULL",
                    xid) == 0) {
                return false;
            }
            Statements.update(connection, "DELETE FROM " + BRANCH + " WHERE xid = ?", xid);
            return true;
        });
    }

    @Override
    public List<LoggedTransaction> open(int limit) {
        return transactions.run("listing open transactions", connection -> {
            List<LoggedTransaction> open = new ArrayList<>();
            for (LogRows.TxRow tx : Statements.query(connection, LogRows.SELECT_OLDEST, LogRows::tx, limit)) {
                open.add(LogRows.withBranches(connection, tx));
            }
            return open;
        });
    }

    @Override
    public boolean sharedByProcesses() {
        return true;
    }

    @Override
    public String describe() {
        return described;
    }

    @Override
    public void close() {
        transactions.close();
    }
}
