package dev.weft.runtime.xa;

import dev.weft.api.WeftConfigException;
import java.lang.reflect.Method;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import javax.sql.XAConnection;
import javax.sql.XADataSource;

/**
 * How Weft opens an XA connection to a database the application opened a plain one to: the driver's own
 * {@code XADataSource} (found by the URL's prefix, through the driver's class loader) with the URL, user and password
 * the application's {@code Driver.connect} was given, or the application's {@code DataSource} itself when it is an
 * {@code XADataSource} (H2's {@code JdbcDataSource}, PostgreSQL's {@code PGXADataSource}). The password stays in
 * memory only: what is written to disk is {@link #database()}.
 */
final class ConnectionSource {
    private final XaDatabase database;
    private final XADataSource dataSource;
    /** For {@code getXAConnection(user, password)}; null for the data source's own settings. */
    private final String user;
    private final String password;

    private ConnectionSource(XaDatabase database, XADataSource dataSource, String user, String password) {
        this.database = database;
        this.dataSource = dataSource;
        this.user = user;
        this.password = password;
    }

    /**
     * How to open XA connections like the one {@code opener} ({@code Driver.connect} or
     * {@code DataSource.getConnection}) just returned; empty for a database Weft cannot enlist, or a data source it
     * cannot reopen (a pool: its own physical connections were opened by its driver, and recorded then).
     */
    static Optional<ConnectionSource> of(Object opener, Object[] arguments) {
        try {
            if (opener instanceof Driver driver && arguments != null && arguments.length == 2
                    && arguments[0] instanceof String url && url.startsWith("jdbc:")) {
                Products.of(new XaDatabase(url, null));
                return Optional.of(ofDriver(url, (Properties) arguments[1], driver.getClass().getClassLoader()));
            }
            if (opener instanceof XADataSource dataSource) {
                String url = property(dataSource, "getURL", "getUrl");
                boolean given = arguments != null && arguments.length == 2;
                String user = given ? (String) arguments[0] : property(dataSource, "getUser");
                return Optional.of(new ConnectionSource(new XaDatabase(url, user), dataSource,
                        given ? user : null, given ? (String) arguments[1] : null));
            }
        } catch (WeftConfigException e) {
            return Optional.empty(); // not a database Weft enlists; said so if it is ever opened in an XA method
        }
        return Optional.empty();
    }

    private static String property(Object bean, String... getters) {
        for (String getter : getters) {
            try {
                return (String) bean.getClass().getMethod(getter).invoke(bean);
            } catch (ReflectiveOperationException | ClassCastException e) {
                // try the next spelling
            }
        }
        return null;
    }

    /** What {@code Driver.connect(url, properties)} was given; {@code driverLoader} sees the driver's classes. */
    static ConnectionSource ofDriver(String url, Properties properties, ClassLoader driverLoader) {
        Properties given = properties == null ? new Properties() : properties;
        String user = given.getProperty("user");
        String password = given.getProperty("password");
        XaDatabase database = new XaDatabase(url, user);
        XADataSource dataSource = Products.xaDataSource(database, driverLoader);
        set(dataSource, "user", user);
        set(dataSource, "password", password);
        return new ConnectionSource(database, dataSource, null, null);
    }

    XaDatabase database() {
        return database;
    }

    /** Weft's own opening: the JDBC hooks it passes through take it for none of the application's. */
    XAConnection open() throws SQLException {
        CurrentXa.enterOpening();
        try {
            return user == null && password == null ? dataSource.getXAConnection()
                    : dataSource.getXAConnection(user, password);
        } finally {
            CurrentXa.exitOpening();
        }
    }

    /** {@code setUser}/{@code setPassword}; the drivers name their URL setter differently ({@link Products}). */
    static void set(Object bean, String property, String value) {
        if (value == null) {
            return;
        }
        String setter = "set" + Character.toUpperCase(property.charAt(0)) + property.substring(1);
        try {
            Method method = bean.getClass().getMethod(setter, String.class);
            method.invoke(bean, value);
        } catch (ReflectiveOperationException e) {
            throw new WeftConfigException("weft: cannot set " + property + " on " + bean.getClass().getName()
                    + " to enlist the connection in an XA transaction: " + e);
        }
    }
}
