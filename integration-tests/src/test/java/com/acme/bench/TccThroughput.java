package com.acme.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Global transactions per second with two empty branches, on the file log with fsync, at each number of concurrent
 * callers given. Not a test: run it with the agent and {@code integration-tests/src/test/resources/bench/weft.yaml}
 * (docs/tcc.md, "Throughput", has the command). Each level runs {@code -Dbench.seconds} (default 5) after a warm-up.
 */
public final class TccThroughput {
    /** A participant whose try, confirm and cancel do nothing: what is measured is Weft and the disk. */
    public static class Empty {
        public void reserve(int n) {
        }

        public void confirmReserve(int n) {
        }

        public void cancelReserve(int n) {
        }

        public void charge(int n) {
        }

        public void confirmCharge(int n) {
        }

        public void cancelCharge(int n) {
        }
    }

    /** The global method. */
    public static class Order {
        private final Empty participant = new Empty();

        public void place(int n) {
            participant.reserve(n);
            participant.charge(n);
        }
    }

    private TccThroughput() {
    }

    public static void main(String[] args) throws InterruptedException {
        long seconds = Long.getLong("bench.seconds", 5);
        Order order = new Order();
        measure(order, 8, 2);
        for (String callers : args) {
            int threads = Integer.parseInt(callers);
            long count = measure(order, threads, seconds);
            System.out.printf("callers=%d  tx/s=%d  (%d transactions in %ds)%n", threads, count / seconds, count, seconds);
        }
    }

    private static long measure(Order order, int threads, long seconds) throws InterruptedException {
        LongAdder done = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> callers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread caller = new Thread(() -> {
                for (int n = 0; !stop.get(); n++) {
                    order.place(n);
                    done.increment();
                }
            });
            caller.start();
            callers.add(caller);
        }
        Thread.sleep(seconds * 1000);
        stop.set(true);
        for (Thread caller : callers) {
            caller.join();
        }
        return done.sum();
    }
}
