package dev.weft.runtime.txlog.jdbc;

import java.util.Locale;
import java.util.Properties;

/**
 * What the log's connections are opened with: the credentials, and connect and socket timeouts for the drivers that
 * take them as properties, so that an unreachable database fails the log's operation instead of hanging it. Only
 * properties the driver knows are set (H2 refuses unknown ones), and never one the URL already sets.
 */
final class ConnectProperties {
    /** Login and per-statement timeout: the longest one log operation waits for the database to answer. */
    static final int TIMEOUT_SECONDS = 5;
    /**
     * The socket read timeout is only a backstop for a database that stopped answering altogether, longer than the
     * statement timeout, so that a slow statement is cancelled cleanly first.
     */
    private static final int SOCKET_TIMEOUT_SECONDS = 2 * TIMEOUT_SECONDS;

    private ConnectProperties() {
    }

    static Properties of(String url, String user, String password) {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) {
            // PgJDBC: seconds
            setUnlessInUrl(properties, lower, "loginTimeout", TIMEOUT_SECONDS);
            setUnlessInUrl(properties, lower, "connectTimeout", TIMEOUT_SECONDS);
            setUnlessInUrl(properties, lower, "socketTimeout", SOCKET_TIMEOUT_SECONDS);
        } else if (lower.startsWith("jdbc:mysql:") || lower.startsWith("jdbc:mariadb:")) {
            // Connector/J and the MariaDB driver: milliseconds
            setUnlessInUrl(properties, lower, "connectTimeout", TIMEOUT_SECONDS * 1000);
            setUnlessInUrl(properties, lower, "socketTimeout", SOCKET_TIMEOUT_SECONDS * 1000);
        }
        return properties;
    }

    private static void setUnlessInUrl(Properties properties, String lowerUrl, String name, int value) {
        if (!lowerUrl.contains(name.toLowerCase(Locale.ROOT) + "=")) {
            properties.setProperty(name, Integer.toString(value));
        }
    }

    /** The URL as it may appear in messages and logs: a password written into it is masked. */
    static String shown(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
