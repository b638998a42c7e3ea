package dev.weft.runtime.txlog.jdbc;

import static dev.weft.runtime.txlog.jdbc.Logs.DEBIT;
import static dev.weft.runtime.txlog.jdbc.Logs.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.config.TransactionSettings;
import dev.weft.runtime.jdbc.RealDatabase;
import dev.weft.runtime.txlog.Carried;
import dev.weft.runtime.txlog.Phase;
import dev.weft.runtime.txlog.LoggedTransaction;
import dev.weft.runtime.txlog.TransactionLogException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the driver, connecting, and what the user is told when either fails. */
class JdbcLogConnectingTest {
    @Test
    void theDriverIsFoundFromALoaderThatCannotSeeIt() throws Exception {
        URL runtimeClasses = DriverFinder.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader weftLike = new URLClassLoader(new URL[] {runtimeClasses},
                ClassLoader.getPlatformClassLoader())) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName("org.h2.Driver", false, weftLike),
                    "control: like Weft's own loader, this one does not see the application's class path");
            Method find = Class.forName(DriverFinder.class.getName(), true, weftLike)
                    .getDeclaredMethod("accepting", String.class, ClassLoader.class);
            find.setAccessible(true);
            Driver driver = (Driver) find.invoke(null, "jdbc:h2:mem:x", ClassLoader.getSystemClassLoader());
            assertEquals("org.h2.Driver", driver.getClass().getName());
            assertEquals(ClassLoader.getSystemClassLoader(), driver.getClass().getClassLoader());
        }
    }

    @Test
    void aDriverOnlyTheApplicationsLoaderSeesIsUsedAtFirstUseAndTheTablesAreCreatedThen() {
        String url = "jdbc:h2:mem:fatjar;DB_CLOSE_DELAY=-1";
        List<ClassLoader> woven = new ArrayList<>();
        // the platform loader stands for the system class path of a Spring Boot fat jar: no driver before main
        try (JdbcTransactionLog log = JdbcTransactionLog.open(new TransactionSettings.JdbcLog(url, "sa", ""),
                ClassLoader.getPlatformClassLoader(), () -> List.copyOf(woven), () -> NOW)) {
            TransactionLogException early = assertThrows(TransactionLogException.class, () -> log.load("x1"));
            assertTrue(early.getMessage().contains("(0 so far)"), early.getMessage());
            woven.add(ClassLoader.getSystemClassLoader()); // the loader of the application's first woven class
            log.begin(Logs.begin("x1", NOW));
            assertEquals(Phase.TRYING, log.load("x1").orElseThrow().phase());
        }
    }

    @Test
    void noDriverForTheUrlSaysWhereToPutOne() {
        try (JdbcTransactionLog log = open("jdbc:nosuchdb://db/orders", null, null)) {
            TransactionLogException e = assertThrows(TransactionLogException.class, () -> log.load("x1"));
            assertEquals("no JDBC driver accepts transactions.log.url jdbc:nosuchdb://db/orders, neither on the system"
                    + " class path nor in the class loaders of the application's woven classes (0 so far): put the"
                    + " database's driver jar (for example org.postgresql:postgresql) on the application's class path,"
                    + " where Weft looks for it, or correct the URL", e.getMessage());
        }
    }

    @Test
    void anUnreachableDatabaseFailsTheOpeningWithAdvice() {
        TransactionLogException e = assertThrows(TransactionLogException.class,
                () -> open("jdbc:postgresql://127.0.0.1:1/orders", "weft", "secret"));
        assertTrue(e.getMessage().startsWith("cannot connect to the JDBC transaction log at"
                + " jdbc:postgresql://127.0.0.1:1/orders (user weft) ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("check that the database runs and can be reached from this host, and that"
                + " transactions.log.user may connect"), e.getMessage());
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }

    @Test
    void refusedCredentialsSayWhichSettingsToCheck() throws SQLException {
        String url = "jdbc:h2:mem:credentials;DB_CLOSE_DELAY=-1";
        try (Connection creator = DriverManager.getConnection(url, "weft", "right")) {
            TransactionLogException e = assertThrows(TransactionLogException.class, () -> open(url, "weft", "wrong"));
            assertTrue(e.getMessage().endsWith("the database refused the credentials: check transactions.log.user"
                    + " and password (the password may come from the environment, password: ${WEFT_DB_PASSWORD})"),
                    e.getMessage());
            try (Statement statement = creator.createStatement()) {
                statement.execute("SHUTDOWN");
            }
        }
    }

    @Test
    void aCommittedTransactionOutlivesTheLogAndTheDatabaseRestarting(@TempDir Path dir) throws SQLException {
        String url = "jdbc:h2:file:" + dir.resolve("log").toAbsolutePath();
        try (JdbcTransactionLog log = open(url, "sa", "")) {
            log.begin(Logs.begin("x1", NOW));
            log.register("x1", DEBIT, "[1]", Carried.NONE);
            shutDown(url);
            TransactionLogException e = assertThrows(TransactionLogException.class,
                    () -> log.decide("x1", true, List.of()));
            assertTrue(e.getMessage().contains("deciding x1 failed"), e.getMessage());
            assertTrue(e.getMessage().contains("it may or may not have happened"), e.getMessage());
            assertEquals(Optional.of(Phase.COMMITTING), log.decide("x1", true, List.of()).map(LoggedTransaction::phase),
                    "reconnected");
        }
        try (JdbcTransactionLog reopened = open(url, "sa", "")) {
            LoggedTransaction x1 = reopened.load("x1").orElseThrow();
            assertEquals(Phase.COMMITTING, x1.phase());
            assertEquals(1, x1.branches().size());
        }
        shutDown(url);
    }

    @Test
    void theLogReconnectsAfterPostgresqlDroppedItsConnections() throws SQLException {
        RealDatabase.Location at = RealDatabase.POSTGRESQL.empty();
        try (JdbcTransactionLog log = Logs.open(at); Connection admin = at.open();
             Statement statement = admin.createStatement()) {
            log.begin(Logs.begin("x1", NOW));
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND pid <> pg_backend_pid()");
            assertThrows(TransactionLogException.class, () -> log.load("x1"));
            assertEquals(Phase.TRYING, log.load("x1").orElseThrow().phase());
        }
    }

    private static JdbcTransactionLog open(String url, String user, String password) {
        return Logs.open(new RealDatabase.Location(url, user, password));
    }

    private static void shutDown(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             Statement statement = c.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }
}
