package com.acme.stock;

import java.util.concurrent.locks.LockSupport;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The read-modify-write every variant does: read a row's quantity, subtract one, save it. Two callers that read the
 * same committed quantity lose one of their updates.
 */
public class StockRows {
    private final JdbcTemplate jdbc;

    public StockRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Not transactional itself: the caller's {@code TransactionTemplate} is (the template variant locks it). */
    public void decrement(long id) {
        long quantity = jdbc.queryForObject("SELECT quantity FROM stock WHERE id = ?", Long.class, id);
        work();
        jdbc.update("UPDATE stock SET quantity = ? WHERE id = ?", quantity - 1, id);
    }

    /** What a real service does between its read and its write; it widens the window a lost update needs. */
    static void work() {
        LockSupport.parkNanos(200_000);
    }
}
