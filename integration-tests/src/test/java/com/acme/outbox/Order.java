package com.acme.outbox;

/** An order as placed, and as the message carries it. {@code rejected}: its placing fails after the insert. */
public record Order(long id, String sku, long amount, boolean rejected) {
}
