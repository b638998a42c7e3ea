package com.acme.exit;

import com.acme.support.Handshake;

/**
 * Takes a lock, says {@code LOCKED}, waits for {@code GO}, returns from the locked method and from main at once: the
 * JVM exits right after the release was sent. With {@code --halt} it then halts instead, which skips every shutdown
 * hook, Weft's included.
 */
public final class ExitAfterLockApp {
    public static void main(String[] args) {
        new ExitAfterLockApp().reserve("sku-1");
        if (args.length > 0 && args[0].equals("--halt")) {
            Runtime.getRuntime().halt(0);
        }
    }

    void reserve(String sku) {
        Handshake.tell("LOCKED " + sku);
        Handshake.await("GO");
    }
}
