package com.acme.stock;

/** The implementation behind the JDK proxy; its own {@code decrement} is what Weft weaves. */
public class InventoryService implements Inventory {
    private final StockRows rows;

    public InventoryService(StockRows rows) {
        this.rows = rows;
    }

    @Override
    public void decrement(long id) {
        rows.decrement(id);
    }
}
