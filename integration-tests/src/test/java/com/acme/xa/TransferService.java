package com.acme.xa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Moves money from alice's account in one database to bob's in another, each with its own pool and its own local
 * transaction: plain JDBC, nothing XA. Named in weft.yaml's xa.global, the two commit or roll back together.
 */
public class TransferService {
    private final DataSource from;
    private final DataSource to;

    public TransferService(DataSource from, DataSource to) {
        this.from = from;
        this.to = to;
    }

    public void move(long amount, boolean failAfterDebit) throws SQLException {
        change(from, "alice", -amount);
        if (failAfterDebit) {
            throw new IllegalStateException("injected failure after the first database's write");
        }
        change(to, "bob", amount);
    }

    private static void change(DataSource database, String account, long amount) throws SQLException {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE account SET balance = balance + ? WHERE id = ?")) {
                update.setLong(1, amount);
                update.setString(2, account);
                update.executeUpdate();
            }
            connection.commit();
        }
    }
}
