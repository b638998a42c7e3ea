package com.acme.stock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A stock service as a Spring Boot user writes one, with no Weft in it: {@code POST /stock/{id}/decrement} takes one
 * unit ({@link StockService}, {@code @Transactional}, read-then-write on H2 through HikariCP), and
 * {@code POST /orders/{id}} places an order that reserves a unit ({@link OrderService}, {@link Reservations}), and
 * {@code POST /sales/{id}?stock=&quantity=} sells units, or is refused when too few are left ({@link Sales},
 * {@code @Transactional}). Weft's locks, TCC and messages are added from outside, by {@code -javaagent} and a
 * {@code weft.yaml}.
 */
@SpringBootApplication
public class StockApplication {
    public static void main(String[] args) {
        SpringApplication.run(StockApplication.class, args);
    }
}
