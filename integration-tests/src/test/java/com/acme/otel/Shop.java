package com.acme.otel;

import java.sql.SQLException;

/** The global method. */
public class Shop {
    private final Inventory inventory = new Inventory();

    public void buy(String sku) throws SQLException {
        inventory.reserve(sku);
    }
}
