package com.acme.servletshop;

import com.acme.support.Store;
import java.nio.file.Path;

/** Units left per SKU, a number in a file: a read-modify-write that loses updates when two run at once. */
public class Stock {
    private final Path dir;

    public Stock(Path dir) {
        this.dir = dir;
    }

    public void take(String sku) {
        Path file = dir.resolve(sku);
        int left = Store.readNumber(file);
        pause();
        Store.writeNumber(file, left - 1);
    }

    /** Long enough that, unlocked, other requests read the same number before this one writes. */
    private static void pause() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
