package dev.weft.runtime.jdbc;

import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * A driver whose connections and statements call the barrier's hooks as a woven driver's do, for code that opens its
 * own connections by URL (the unit-test JVM weaves nothing). {@code jdbc:woven:h2:mem:x} is {@code jdbc:h2:mem:x}
 * with the barrier on. A service of the test class path ({@code META-INF/services/java.sql.Driver}), as drivers are.
 */
public final class WovenDriver implements Driver {
    private static final String PREFIX = "jdbc:woven:";
    static {
        // as every driver does: DriverManager only loads the services, each driver then registers itself
        try {
            DriverManager.registerDriver(new WovenDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Woven woven = new Woven();

    /** The URL under which this driver serves {@code realUrl} with the barrier's hooks. */
    public static String url(String realUrl) {
        return PREFIX + realUrl.substring("jdbc:".length());
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        Connection real = DriverManager.getConnection("jdbc:" + url.substring(PREFIX.length()), info);
        return hooked(Connection.class, real);
    }

    private <T> T hooked(Class<T> type, T real) {
        return type.cast(Proxy.newProxyInstance(WovenDriver.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, arguments) -> {
                    Object result = woven.invoke(real, method, arguments);
                    if (result instanceof CallableStatement callable) {
                        return hooked(CallableStatement.class, callable);
                    }
                    if (result instanceof PreparedStatement prepared) {
                        return hooked(PreparedStatement.class, prepared);
                    }
                    if (result instanceof Statement statement && method.getName().startsWith("create")) {
                        return hooked(Statement.class, statement);
                    }
                    return result;
                }));
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }
}
