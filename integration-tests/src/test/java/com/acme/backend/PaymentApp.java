package com.acme.backend;

import com.acme.support.Handshake;
import com.acme.support.Store;
import java.nio.file.Path;

/**
 * Charges orders one by one; each charge that runs leaves a marker {@code charged-<order>}.
 *
 * <p>Usage: {@code PaymentApp <marker dir> <calls>}. Between two calls it says PAUSED and waits for NEXT, so a
 * test can break Redis in between. Prints {@code CALL <n> RETURNED} or {@code CALL <n> THREW <exception class>}.
 */
public final class PaymentApp {
    private final Path markers;

    private PaymentApp(Path markers) {
        this.markers = markers;
    }

    public static void main(String[] args) {
        PaymentApp app = new PaymentApp(Path.of(args[0]));
        int calls = Integer.parseInt(args[1]);
        for (int n = 1; n <= calls; n++) {
            if (n > 1) {
                Handshake.tell("PAUSED");
                Handshake.await("NEXT");
            }
            try {
                app.charge("order-" + n);
                Handshake.tell("CALL " + n + " RETURNED");
            } catch (RuntimeException e) {
                Handshake.tell("CALL " + n + " THREW " + e.getClass().getName());
            }
        }
    }

    public void charge(String orderId) {
        Store.mark(markers, "charged-" + orderId);
    }
}
