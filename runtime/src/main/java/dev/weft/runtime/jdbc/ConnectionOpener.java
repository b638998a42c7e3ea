package dev.weft.runtime.jdbc;

import java.lang.ref.WeakReference;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * How the application opened a connection to one of its databases: a {@code DataSource} (held weakly: Weft never
 * keeps the application's pool alive) or a {@code Driver} with its URL and properties. Weft's background work (the
 * outbox poller) opens its own connections with it, so {@code weft.yaml} needs no credentials.
 */
public final class ConnectionOpener {
    private final WeakReference<Object> source;
    /** What the opening method was given: {@code (url, Properties)}, {@code (user, password)}, or nothing. */
    private final Object[] arguments;
    /** Null while it is only a thread's last opening; {@link ConnectionOpeners} hands out only ones with a database. */
    private final Database database;

    private ConnectionOpener(WeakReference<Object> source, Object[] arguments, Database database) {
        this.source = source;
        this.arguments = arguments;
        this.database = database;
    }

    /** What {@code Driver.connect} or {@code DataSource.getConnection} was called on, and with. */
    static ConnectionOpener of(Object source, Object[] arguments) {
        Object[] copy = arguments == null ? new Object[0] : arguments.clone();
        if (copy.length == 2 && copy[1] instanceof Properties properties) {
            copy[1] = properties.clone(); // the caller may change its own afterwards
        }
        return new ConnectionOpener(new WeakReference<>(source), copy, null);
    }

    boolean sameAs(Object source, Object[] arguments) {
        return this.source.get() == source
                && Arrays.equals(this.arguments, arguments == null ? new Object[0] : arguments);
    }

    boolean sameAs(ConnectionOpener other) {
        return other != null && other.database == database && sameAs(other.source.get(), other.arguments);
    }

    /** This opening, as the way to open connections to {@code database}. */
    ConnectionOpener opening(Database database) {
        return new ConnectionOpener(source, arguments, database);
    }

    /** The database this opener was seen opening connections to (for a method that a WorkScope followed). */
    public Database database() {
        return database;
    }

    /**
     * A new connection, opened as the application opened it, out of sight of other agents. Weft's statements on it
     * pass the hooks untouched when no phase or scope is active on the thread (the poller's own thread).
     *
     * @throws SQLException when the source is gone (the application dropped its pool), refuses, or now opens a
     *     connection to another database than {@link #database()}
     */
    public Connection open() throws SQLException {
        Object opener = source.get();
        if (opener == null) {
            throw new SQLException("weft: the DataSource or Driver that opened connections to " + database
                    + " is gone (the application closed or dropped it); Weft opens connections again once the"
                    + " application has used a new one in a publish or consume method");
        }
        Connection connection = Untraced.run(() -> openWith(opener));
        if (connection == null) {
            throw new SQLException("weft: the driver that opened connections to " + database
                    + " no longer accepts its URL");
        }
        try {
            String identity = Databases.identity(connection.getMetaData());
            if (!identity.equals(database.identity())) {
                throw new SQLException("weft: the connection source recorded for " + database
                        + " opened a connection to " + identity.replace('\n', ' ') + " instead; the application"
                        + " opened connections to two databases on one thread. Use a DataSource per database, or"
                        + " open the connection on the thread that writes with it");
            }
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    private Connection openWith(Object opener) throws SQLException {
        if (opener instanceof Driver driver) {
            return driver.connect((String) arguments[0], (Properties) arguments[1]);
        }
        DataSource dataSource = (DataSource) opener;
        return arguments.length == 2 ? dataSource.getConnection((String) arguments[0], (String) arguments[1])
                : dataSource.getConnection();
    }

    @Override
    public String toString() {
        Object opener = source.get();
        String what = opener == null ? "a collected connection source" : opener.getClass().getName();
        return what + (arguments.length == 2 && arguments[0] instanceof String url && opener instanceof Driver
                ? " " + url : "") + " for " + Objects.toString(database, "an unknown database");
    }
}
