package com.acme.stock;

/** A sale of {@code quantity} units of the stock item {@code stockId}. */
public record Sale(long id, long stockId, long quantity) {
}
