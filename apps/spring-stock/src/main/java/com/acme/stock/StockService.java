package com.acme.stock;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the quantity, subtracts one and writes it back, in one transaction: two such transactions that overlap both
 * read the same quantity, and one decrement is lost, unless something keeps them apart until the first has committed.
 */
@Service
public class StockService {
    private final JdbcTemplate jdbc;

    public StockService(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public long decrement(long id) {
        Long quantity = jdbc.queryForObject("SELECT quantity FROM stock WHERE id = ?", Long.class, id);
        long left = quantity - 1;
        jdbc.update("UPDATE stock SET quantity = ? WHERE id = ?", left, id);
        return left;
    }

    @Transactional
    public void restock(long id, long quantity) {
        jdbc.update("MERGE INTO stock (id, quantity) KEY (id) VALUES (?, ?)", id, quantity);
    }
}
