package com.acme.history;

import com.acme.support.Handshake;
import dev.weft.api.Weft;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Threads entering a critical section over and over, each entry recorded as {@code called start end token} with
 * {@link System#nanoTime()} (called: before the locked method was called; start and end: inside it): on Linux that is
 * CLOCK_MONOTONIC, one clock for every process of the machine, so the records of several JVMs can be merged and
 * checked for overlaps, waits and stalls.
 *
 * <p>Usage: {@code HistoryApp <out file> <threads> <entries per thread>}; starts on GO, ends printing {@code DONE}.
 */
public final class HistoryApp {
    private final List<String> history = Collections.synchronizedList(new ArrayList<>());

    public static void main(String[] args) throws Exception {
        HistoryApp app = new HistoryApp();
        int threads = Integer.parseInt(args[1]);
        int entries = Integer.parseInt(args[2]);
        Handshake.readyThenAwaitGo();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(new Thread(() -> {
                for (int i = 0; i < entries; i++) {
                    app.critical("shared", System.nanoTime());
                }
            }));
        }
        // a worker that dies would otherwise only shorten the history: the JVM must fail, saying why
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        workers.forEach(worker -> worker.setUncaughtExceptionHandler((thread, failure) -> failures.add(failure)));
        workers.forEach(Thread::start);
        for (Thread worker : workers) {
            worker.join();
        }
        if (!failures.isEmpty()) {
            failures.forEach(Throwable::printStackTrace);
            System.exit(1);
        }
        Files.write(Path.of(args[0]), app.history);
        Handshake.tell("DONE");
    }

    /** Locked by the test's weft.yaml; {@code called} is when the caller called it. */
    public void critical(String key, long called) {
        long start = System.nanoTime();
        long token = Weft.fencingToken();
        long until = start + 20_000;
        while (System.nanoTime() < until) {
            Thread.onSpinWait(); // long enough that, unlocked, entries of other threads and JVMs overlap
        }
        history.add(called + " " + start + " " + System.nanoTime() + " " + token);
    }
}
