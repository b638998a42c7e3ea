package dev.weft.runtime.xa;

import dev.weft.api.WeftConfigException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.XADataSource;

/**
 * The databases Weft can enlist, told by their JDBC URL: each driver's {@code XADataSource} and how it takes the URL,
 * and what each needs before it can prepare.
 */
enum Products {
    H2("jdbc:h2:", "org.h2.jdbcx.JdbcDataSource", "URL"),
    POSTGRESQL("jdbc:postgresql:", "org.postgresql.xa.PGXADataSource", "url") {
        @Override
        void checkCanPrepare(Connection connection, XaDatabase database) throws SQLException {
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SHOW max_prepared_transactions")) {
                if (row.next() && Integer.parseInt(row.getString(1).trim()) == 0) {
                    throw new WeftConfigException("weft: PostgreSQL at " + database + " has max_prepared_transactions"
                            + " = 0, so it cannot take part in an XA transaction (PREPARE TRANSACTION is refused);"
                            + " set max_prepared_transactions to at least max_connections in postgresql.conf and"
                            + " restart the server");
                }
            }
        }
    },
    MYSQL("jdbc:mysql:", "com.mysql.cj.jdbc.MysqlXADataSource", "url"),
    MARIADB("jdbc:mariadb:", "org.mariadb.jdbc.MariaDbDataSource", "url");

    private final String prefix;
    private final String xaDataSource;
    private final String urlProperty;

    Products(String prefix, String xaDataSource, String urlProperty) {
        this.prefix = prefix;
        this.xaDataSource = xaDataSource;
        this.urlProperty = urlProperty;
    }

    static Products of(XaDatabase database) {
        for (Products product : values()) {
            if (database.url() != null && database.url().startsWith(product.prefix)) {
                return product;
            }
        }
        throw new WeftConfigException("weft: cannot enlist a connection to " + database + " in an XA transaction:"
                + " Weft enlists " + List.of(values()).stream().map(p -> p.prefix + "...").toList() + " only. Open"
                + " this connection outside the xa.global method, or remove the method from xa.global");
    }

    /** A new {@code XADataSource} of the database's driver, loaded by {@code loader}, set to the database's URL. */
    static XADataSource xaDataSource(XaDatabase database, ClassLoader loader) {
        Products product = of(database);
        XADataSource dataSource;
        try {
            dataSource = (XADataSource) Class.forName(product.xaDataSource, true, loader).getConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            throw new WeftConfigException("weft: cannot enlist a connection to " + database + " in an XA transaction:"
                    + " its driver has no " + product.xaDataSource + " (" + e + ")");
        }
        ConnectionSource.set(dataSource, product.urlProperty, database.url());
        return dataSource;
    }

    /** Fails with the setting named when the database cannot prepare a transaction; by default it can. */
    void checkCanPrepare(Connection connection, XaDatabase database) throws SQLException {
    }
}
