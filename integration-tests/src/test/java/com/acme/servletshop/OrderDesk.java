package com.acme.servletshop;

/** Places an order: reserves it, then is refused when asked to be (a payment that failed, say). */
public class OrderDesk {
    private final Reservations reservations;

    public OrderDesk(Reservations reservations) {
        this.reservations = reservations;
    }

    public void place(String orderId, boolean refused) {
        reservations.reserve(orderId);
        if (refused) {
            throw new IllegalStateException("order " + orderId + " refused");
        }
    }
}
