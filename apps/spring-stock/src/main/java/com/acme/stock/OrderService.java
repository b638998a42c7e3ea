package com.acme.stock;

import org.springframework.stereotype.Service;

/** Places an order: reserves its unit, then is refused when asked to be (a payment that failed, say). */
@Service
public class OrderService {
    private final Reservations reservations;

    public OrderService(Reservations reservations) {
        this.reservations = reservations;
    }

    public void place(long orderId, boolean refused) {
        reservations.reserve(orderId);
        if (refused) {
            throw new OrderRefusedException(orderId);
        }
    }

    /** The order could not be placed; its reservation must not stay. */
    public static final class OrderRefusedException extends RuntimeException {
        OrderRefusedException(long orderId) {
            super("order " + orderId + " refused");
        }
    }
}
