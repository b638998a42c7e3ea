package com.acme.stock;

import org.springframework.transaction.annotation.Transactional;

/** {@code @Transactional} on a class with no interface: Spring puts a CGLIB subclass in front of it. */
public class StockService {
    private final StockRows rows;

    public StockService(StockRows rows) {
        this.rows = rows;
    }

    @Transactional
    public void decrement(long id) {
        rows.decrement(id);
    }
}
