package dev.weft.runtime.txlog.jdbc;

import dev.weft.runtime.config.TransactionSettings;
import dev.weft.runtime.jdbc.DatabaseProduct;
import dev.weft.runtime.txlog.TransactionLogException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Supplier;

/**
 * The database of {@code transactions.log.type: jdbc}, for another feature's own table beside the log's (the
 * notifications' {@code weft_notification}): the same driver finding, connection pool and short local transactions,
 * with the barrier suspended and no spans (see {@link LocalTransactions}).
 */
public final class LogDatabase implements AutoCloseable {
    /** Work in one local transaction, committed when it returns. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection, DatabaseProduct product) throws SQLException;
    }

    private final LocalTransactions transactions;
    private final String described;
    private volatile DatabaseProduct product;

    private LogDatabase(TransactionSettings.JdbcLog settings, Supplier<List<ClassLoader>> applicationLoaders,
                        Work<?> setUp) {
        String shownUrl = ConnectProperties.shown(settings.url());
        this.described = "the database at " + shownUrl + (settings.user() == null ? "" : " (user " + settings.user()
                + ")");
        LogDriver driver = new LogDriver(settings.url(), shownUrl, ClassLoader.getSystemClassLoader(),
                applicationLoaders);
        LogConnections connections = new LogConnections(driver, settings.url(),
                ConnectProperties.of(settings.url(), settings.user(), settings.password()), described);
        this.transactions = new LocalTransactions(connections, described,
                connection -> setUp.run(connection, productOf(connection)));
    }

    /**
     * Connects nothing: the set-up (creating a table) runs as the first operation.
     *
     * @param applicationLoaders where to look for the driver when the system class path has none
     */
    public static LogDatabase of(TransactionSettings.JdbcLog settings, Supplier<List<ClassLoader>> applicationLoaders,
                                 Work<?> setUp) {
        return new LogDatabase(settings, applicationLoaders, setUp);
    }

    /**
     * @throws TransactionLogException when the database cannot be reached or the work fails; it may or may not have
     *     happened
     */
    public <T> T run(String operation, Work<T> work) {
        return transactions.run(operation, connection -> work.run(connection, productOf(connection)));
    }

    public String describe() {
        return described;
    }

    private DatabaseProduct productOf(Connection connection) throws SQLException {
        DatabaseProduct known = product;
        if (known == null) {
            String name = connection.getMetaData().getDatabaseProductName();
            known = DatabaseProduct.of(name).orElseThrow(() -> new TransactionLogException(described + " is "
                    + name + "; Weft's tables work with H2, PostgreSQL, MySQL and MariaDB"));
            product = known;
        }
        return known;
    }

    @Override
    public void close() {
        transactions.close();
    }
}
