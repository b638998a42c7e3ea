package dev.weft.runtime.xa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.api.TransactionNestingException;
import dev.weft.api.TransactionTimeoutException;
import dev.weft.api.WeftConfigException;
import dev.weft.runtime.jdbc.RealDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The XA service on real databases, without weaving: connections are opened the way the hooks see them
 * ({@code Driver.connect}, recorded in {@link Openings}) and handed to {@link XaTransactions#enlist}. Each safety test
 * has its control: the same statements on plain connections keep what the XA transaction undoes.
 */
class XaTransactionsTest {
    private static Path store;
    private static XaTransactions transactions;
    private static Openings openings;
    private static final AtomicBoolean TCC_ACTIVE = new AtomicBoolean();

    private RealDatabase.Location first;
    private RealDatabase.Location second;

    @BeforeAll
    static void narayana() throws Exception {
        store = Files.createTempDirectory("weft-xa-test");
        Narayana.configure(store); // once per JVM, before Narayana's classes initialise
        openings = new Openings();
        transactions = new XaTransactions(com.arjuna.ats.jta.TransactionManager::transactionManager, openings,
                new KnownDatabases(store), HaltPoints.fromSystemProperty(), TCC_ACTIVE::get);
    }

    @BeforeEach
    void databases() throws SQLException {
        first = accounts(RealDatabase.H2.empty());
        second = accounts(RealDatabase.H2.empty());
    }

    @AfterEach
    void noTccTransaction() {
        TCC_ACTIVE.set(false);
    }

    @Test
    void aNormalReturnCommitsBothDatabasesAndTheApplicationsOwnCommitIsAbsorbed() throws SQLException {
        XaTransaction transaction = transactions.begin("move", Duration.ofSeconds(30));
        debit(transactions.enlist(transaction, open(first)));
        debit(transactions.enlist(transaction, open(second)));
        transactions.end(transaction, null);

        assertEquals(90, balance(first));
        assertEquals(90, balance(second));
        assertFalse(CurrentXa.active());
    }

    @Test
    void anExceptionRollsBothBackEvenAfterTheApplicationCommittedTheFirst() throws SQLException {
        XaTransaction transaction = transactions.begin("move", Duration.ofSeconds(30));
        debit(transactions.enlist(transaction, open(first)));
        debit(transactions.enlist(transaction, open(second)));
        transactions.end(transaction, new IllegalStateException("the method threw"));

        assertEquals(100, balance(first));
        assertEquals(100, balance(second));
    }

    @Test
    void aCommitThroughAStatementsConnectionIsAbsorbedToo() throws SQLException {
        XaTransaction transaction = transactions.begin("move", Duration.ofSeconds(30));
        Connection enlisted = transactions.enlist(transaction, open(first));
        try (Statement statement = enlisted.createStatement()) {
            statement.executeUpdate("UPDATE account SET balance = balance - 10 WHERE id = 1");
            assertEquals(enlisted, statement.getConnection());
            statement.getConnection().commit();
            assertEquals(enlisted, enlisted.getMetaData().getConnection());
        }
        transactions.end(transaction, new IllegalStateException("the method threw"));

        assertEquals(100, balance(first), "the control above keeps the committed write");
    }

    @Test
    void controlWithoutXaTheApplicationsCommitKeepsTheFirstWrite() throws SQLException {
        debit(open(first));
        assertEquals(90, balance(first), "the write a failure after it would leave behind");
    }

    @Test
    void aReturnPastTheTimeoutRollsBackAndThrows() throws SQLException {
        XaTransaction transaction = transactions.begin("move", Duration.ofMillis(1));
        debit(transactions.enlist(transaction, open(first)));
        while (System.nanoTime() - transaction.deadline <= 0) {
            Thread.onSpinWait(); // until past the deadline: a condition, not a duration
        }
        assertThrows(TransactionTimeoutException.class, () -> transactions.end(transaction, null));
        assertEquals(100, balance(first));
    }

    @Test
    void twoConnectionsToOneDatabaseShareOneBranch() throws SQLException {
        XaTransaction transaction = transactions.begin("move", Duration.ofSeconds(30));
        Connection one = transactions.enlist(transaction, open(first));
        debit(one);
        debit(transactions.enlist(transaction, open(first)));
        assertTrue(one.isClosed(), "closed by the application: only its handle");
        transactions.end(transaction, null);
        assertEquals(80, balance(first));
    }

    @Test
    void theNextTransactionReusesTheXaConnectionOfOneThatEndedCleanly() throws SQLException {
        long firstSession = sessionInTransaction(null);
        assertEquals(firstSession, sessionInTransaction(null), "the same H2 session: the XA connection was kept");

        long afterFailure = sessionInTransaction(new IllegalStateException("the method threw"));
        assertEquals(firstSession, afterFailure, "a rollback that went through is clean too");
    }

    @Test
    void anIdleXaConnectionTheDatabaseClosedIsReplaced() throws SQLException {
        long kept = sessionInTransaction(null);
        try (Connection admin = first.open(); Statement statement = admin.createStatement()) {
            statement.execute("CALL ABORT_SESSION(" + kept + ")");
        }
        long idleSince = System.nanoTime();
        while (System.nanoTime() - idleSince <= TimeUnit.MILLISECONDS.toNanos(1100)) {
            Thread.onSpinWait(); // past the idle time after which a kept connection is checked: a condition
        }

        assertNotEquals(kept, sessionInTransaction(null), "a new XA connection, and the transaction ran on it");
        assertEquals(80, balance(first));
    }

    /** The H2 session id of an XA transaction's branch on the first database; the transaction debits 10. */
    private long sessionInTransaction(Throwable thrown) throws SQLException {
        XaTransaction transaction = transactions.begin("move", Duration.ofSeconds(30));
        long session;
        try (Connection connection = transactions.enlist(transaction, open(first));
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT SESSION_ID()")) {
            row.next();
            session = row.getLong(1);
            statement.executeUpdate("UPDATE account SET balance = balance - 10 WHERE id = 1");
        }
        transactions.end(transaction, thrown);
        return session;
    }

    @Test
    void aConnectionWhoseOpeningWasNotSeenIsRefusedWithAConfigError() throws SQLException {
        XaTransaction transaction = transactions.begin("move", Duration.ofSeconds(30));
        try {
            Connection unseen = first.open();
            WeftConfigException refused = assertThrows(WeftConfigException.class,
                    () -> transactions.enlist(transaction, unseen));
            assertTrue(refused.getMessage().contains("did not see how it was opened"), refused.getMessage());
        } finally {
            transactions.end(transaction, new IllegalStateException("cleanup"));
        }
    }

    @Test
    void aDatabaseWeftCannotEnlistIsNamed() {
        WeftConfigException refused = assertThrows(WeftConfigException.class,
                () -> Products.of(new XaDatabase("jdbc:sqlite:/tmp/x.db", null)));
        assertTrue(refused.getMessage().contains("jdbc:sqlite:/tmp/x.db"), refused.getMessage());
    }

    @Test
    void postgresqlWithoutPreparedTransactionsIsReportedWithTheSettingNamed() throws SQLException {
        RealDatabase.Location postgres = RealDatabase.POSTGRESQL.empty(); // the server's default: 0
        XaTransaction transaction = transactions.begin("move", Duration.ofSeconds(30));
        try {
            Connection obtained = open(postgres);
            WeftConfigException refused = assertThrows(WeftConfigException.class,
                    () -> transactions.enlist(transaction, obtained));
            assertTrue(refused.getMessage().contains("max_prepared_transactions = 0"), refused.getMessage());
        } finally {
            transactions.end(transaction, new IllegalStateException("cleanup"));
        }
    }

    @Test
    void anXaMethodInsideATccTransactionIsRefused() {
        TCC_ACTIVE.set(true);
        assertThrows(TransactionNestingException.class, () -> transactions.begin("move", Duration.ofSeconds(30)));
        assertFalse(CurrentXa.active());
    }

    @Test
    void passwordsAreNeverWrittenToTheObjectStore() throws Exception {
        RealDatabase.Location secret = new RealDatabase.Location(first.url() + ";password=s3cret", "sa", "");
        assertEquals(first.url() + ";password=***", new XaDatabase(secret.url(), "sa").url());
        XaTransaction transaction = transactions.begin("move", Duration.ofSeconds(30));
        debit(transactions.enlist(transaction, open(first)));
        transactions.end(transaction, null);
        String recorded = Files.readString(store.resolve("weft-databases"));
        assertTrue(recorded.contains(first.url() + "\tsa"), recorded);
        assertFalse(recorded.contains("s3cret"), recorded);
    }

    /** As a pool's driver opens it: {@code Driver.connect}, which the hooks record. */
    private static Connection open(RealDatabase.Location location) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", location.user());
        properties.setProperty("password", location.password());
        java.sql.Driver driver = DriverManager.getDriver(location.url());
        Connection connection = driver.connect(location.url(), properties);
        openings.opened(connection, ConnectionSource.of(driver, new Object[] {location.url(), properties})
                .orElseThrow());
        return connection;
    }

    private static RealDatabase.Location accounts(RealDatabase.Location location) throws SQLException {
        try (Connection connection = location.open(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE account (id INT PRIMARY KEY, balance BIGINT)");
            statement.execute("INSERT INTO account VALUES (1, 100)");
        }
        return location;
    }

    /** The application's code: its own local transaction, committed. */
    private static void debit(Connection connection) throws SQLException {
        try (connection; Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.executeUpdate("UPDATE account SET balance = balance - 10 WHERE id = 1");
            connection.commit();
        }
    }

    private static long balance(RealDatabase.Location location) throws SQLException {
        try (Connection connection = location.open(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT balance FROM account WHERE id = 1")) {
            row.next();
            return row.getLong(1);
        }
    }
}
