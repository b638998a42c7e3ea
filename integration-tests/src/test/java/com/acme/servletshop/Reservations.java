package com.acme.servletshop;

import com.acme.support.Store;
import java.nio.file.Path;

/** Each step of a reservation leaves a marker file: tried, then confirmed or cancelled. */
public class Reservations {
    private final Path dir;

    public Reservations(Path dir) {
        this.dir = dir;
    }

    public void reserve(String orderId) {
        Store.mark(dir, "tried-" + orderId);
    }

    public void confirmReserve(String orderId) {
        Store.mark(dir, "confirmed-" + orderId);
    }

    public void cancelReserve(String orderId) {
        Store.mark(dir, "cancelled-" + orderId);
    }
}
