package dev.weft.runtime;

import dev.weft.runtime.feature.Feature;
import dev.weft.runtime.log.Log;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Weft's one shutdown hook: when the JVM exits normally ({@code System.exit}, the end of {@code main}, SIGTERM), each
 * running feature stops its background work and finishes or hands back what is in flight, in the reverse of the
 * order they started, all within one budget. Without it a daemon thread died holding what another process waits for
 * (a TCC owner lock kept until its lease ran out, claimed transactions until their claim did). A crash skips it: then
 * the leases and claims expire, which is what they are for.
 */
final class Shutdown {
    private final List<Feature.Running> running;
    private final Duration budget;

    /**
     * @param budget how long the JVM's exit may wait for Weft, at most: a few Redis round trips. What is not done by
     *               then is left as a crash would leave it.
     */
    Shutdown(List<Feature.Running> running, Duration budget) {
        this.running = new ArrayList<>(running);
        Collections.reverse(this.running);
        this.budget = budget;
    }

    void register() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::run, "weft-shutdown"));
    }

    void run() {
        long deadline = System.nanoTime() + budget.toNanos();
        for (Feature.Running feature : running) {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            try {
                feature.stop(left);
            } catch (RuntimeException e) {
                // the others still stop: one feature's failure must not keep another's lock held
                Log.warn("stopping " + feature.describe() + " at exit failed: " + e);
            }
        }
    }
}
