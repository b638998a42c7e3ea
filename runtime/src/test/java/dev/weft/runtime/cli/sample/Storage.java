package dev.weft.runtime.cli.sample;

/** A sample application's interface, for {@code +} selectors that match its implementations. */
public interface Storage {
    void store(String sku, int quantity);
}
