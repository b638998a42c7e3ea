package com.acme.counter;

import com.acme.support.Handshake;
import com.acme.support.Store;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads incrementing a number kept in a file shared with other JVMs: a read-modify-write that loses updates
 * unless {@link #increment} is mutually exclusive across threads and JVMs.
 *
 * <p>Usage: {@code CounterApp <counter file> <threads> <increments per thread>}; starts on GO, ends printing
 * {@code DONE ok=<calls that returned> failed=<calls that threw>}.
 */
public final class CounterApp {
    private final Path file;

    public CounterApp(Path file) {
        this.file = file;
    }

    public static void main(String[] args) throws InterruptedException {
        CounterApp app = new CounterApp(Path.of(args[0]));
        int threads = Integer.parseInt(args[1]);
        int increments = Integer.parseInt(args[2]);
        Handshake.tell("java=" + Runtime.version().feature());
        Handshake.readyThenAwaitGo();

        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(new Thread(() -> {
                for (int i = 0; i < increments; i++) {
                    try {
                        app.increment("shared");
                        ok.incrementAndGet();
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                        Handshake.tell("ERROR " + e.getClass().getName() + ": " + e.getMessage());
                    }
                }
            }));
        }
        workers.forEach(Thread::start);
        for (Thread worker : workers) {
            worker.join();
        }
        Handshake.tell("DONE ok=" + ok.get() + " failed=" + failed.get());
    }

    public void increment(String counter) {
        int value = Store.readNumber(file);
        pause();
        Store.writeNumber(file, value + 1);
    }

    /** Long enough that, unlocked, other threads and JVMs read the same value before this one writes. */
    private static void pause() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
