package dev.weft.runtime.cli.sample;

/** A sample application class that {@code weft check} reads from a jar, never loads. */
public class Warehouse implements Storage {
    public record Customer(String id) {
    }

    public record Order(String id, Customer customer) {
    }

    public boolean reserve(String sku, int quantity) {
        return quantity > 0 && !sku.isEmpty();
    }

    public void ship(Order order) {
        order.customer();
    }

    @Override
    public void store(String sku, int quantity) {
        reserve(sku, -quantity);
    }
}
