package com.acme.stock;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A reservation per order: tried, then confirmed or cancelled. The three steps a TCC participant needs. */
@Service
public class Reservations {
    private final JdbcTemplate jdbc;

    public Reservations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void reserve(long orderId) {
        jdbc.update("INSERT INTO reservation (order_id, state) VALUES (?, 'TRIED')", orderId);
    }

    @Transactional
    public void confirmReserve(long orderId) {
        jdbc.update("UPDATE reservation SET state = 'CONFIRMED' WHERE order_id = ?", orderId);
    }

    @Transactional
    public void cancelReserve(long orderId) {
        jdbc.update("UPDATE reservation SET state = 'CANCELLED' WHERE order_id = ?", orderId);
    }
}
