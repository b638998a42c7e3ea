package com.acme.history;

import com.acme.support.Handshake;

/**
 * {@code CpuHog <threads>}: keeps that many threads spinning until it is killed, so that the JVMs under test compete
 * for the cores the way a busy neighbour makes them.
 */
public final class CpuHog {
    private CpuHog() {
    }

    public static void main(String[] args) {
        for (int t = 0; t < Integer.parseInt(args[0]); t++) {
            Thread spinner = new Thread(() -> {
                long sink = 0;
                while (true) {
                    sink += System.nanoTime();
                    if (sink == 42) {
                        System.out.println(sink); // never: only keeps the loop from being optimized away
                    }
                }
            }, "hog-" + t);
            spinner.setDaemon(false);
            spinner.start();
        }
        Handshake.tell("SPINNING");
    }
}
