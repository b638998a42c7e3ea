package com.acme.fenced;

import com.acme.support.Handshake;
import dev.weft.api.Weft;
import java.nio.file.Path;

/**
 * Writes to a {@link FencedStore} inside a locked method, several times, pausing between writes. The test stops
 * this JVM (SIGSTOP) in the middle, for longer than the lock's lease, while another writer takes the lock.
 *
 * <p>Usage: {@code WriterApp <store dir> fenced|unfenced <name> <writes>}; prints {@code HOLDING} after the first
 * write, {@code DONE} at the end.
 */
public final class WriterApp {
    private final FencedStore store;
    private final String name;

    private WriterApp(FencedStore store, String name) {
        this.store = store;
        this.name = name;
    }

    public static void main(String[] args) throws InterruptedException {
        WriterApp app = new WriterApp(new FencedStore(Path.of(args[0]), args[1].equals("fenced")), args[2]);
        app.writeAll("store", Integer.parseInt(args[3]));
        Handshake.tell("DONE");
    }

    /** Locked by the test's weft.yaml. */
    public void writeAll(String resource, int writes) throws InterruptedException {
        for (int i = 1; i <= writes; i++) {
            store.write(name, Weft.fencingToken(), name + " " + i);
            if (i == 1) {
                Handshake.tell("HOLDING " + Weft.fencingToken());
            }
            Thread.sleep(200);
        }
    }
}
