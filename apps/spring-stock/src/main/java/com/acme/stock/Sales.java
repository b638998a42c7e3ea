package com.acme.stock;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sells from the stock: records the sale and takes its units in one transaction, or neither when too few are left. */
@Service
public class Sales {
    private final JdbcTemplate jdbc;

    public Sales(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void sell(Sale sale) {
        jdbc.update("INSERT INTO sale (id, stock_id, quantity) VALUES (?, ?, ?)", sale.id(), sale.stockId(),
                sale.quantity());
        jdbc.update("UPDATE stock SET quantity = quantity - ? WHERE id = ?", sale.quantity(), sale.stockId());
        Long left = jdbc.queryForObject("SELECT quantity FROM stock WHERE id = ?", Long.class, sale.stockId());
        if (left < 0) {
            throw new OutOfStockException(sale);
        }
    }

    /** Too few units left: the sale rolls back, with the units it took. */
    public static final class OutOfStockException extends RuntimeException {
        OutOfStockException(Sale sale) {
            super("sale " + sale.id() + ": fewer than " + sale.quantity() + " units of " + sale.stockId() + " left");
        }
    }
}
