package com.acme.outbox;

/** A sale as apps/spring-stock publishes it ({@code com.acme.stock.Sale}): the shipping service's own copy. */
public record Sale(long id, long stockId, long quantity) {
}
