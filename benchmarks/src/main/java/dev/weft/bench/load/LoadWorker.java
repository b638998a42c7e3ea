package dev.weft.bench.load;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A worker JVM: {@code LoadWorker <warmupMs> <measureMs> <threads> <process> <workload> [args...]}.
 *
 * <p>Sets the workload up, runs each thread's operation once, prints {@code READY}, and waits for {@code GO} on
 * standard input, so that every worker JVM of a row starts together and set-up is never timed. Then its threads
 * repeat their operation for the warm-up, which is not recorded, and for the measured window, and it prints one line
 * {@code RESULT <failures> <latencies of the operations that succeeded>} (see {@link Histogram#encode()}).
 * Operations count by their start time, so the window is exactly {@code measureMs} for every worker.
 */
public final class LoadWorker {
    private LoadWorker() {
    }

    public static void main(String[] args) throws Exception {
        long warmupNanos = Long.parseLong(args[0]) * 1_000_000;
        long measureNanos = Long.parseLong(args[1]) * 1_000_000;
        int threads = Integer.parseInt(args[2]);
        int process = Integer.parseInt(args[3]);
        List<String> workloadArgs = Arrays.asList(args).subList(5, args.length);
        try (Workload workload = Workloads.create(args[4], workloadArgs, process)) {
            List<Workload.Action> actions = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                actions.add(workload.forThread(t));
            }
            // Once each, untimed: connections, scripts and first-call class loading are set-up, not warm-up.
            for (Workload.Action action : actions) {
                action.run();
            }
            System.out.println("READY");
            awaitGo();
            long measureFrom = System.nanoTime() + warmupNanos;
            Tally total = run(actions, measureFrom, measureFrom + measureNanos);
            System.out.println("RESULT " + total.failures() + " " + total.latency().encode());
            System.out.flush();
        }
        // Client libraries may leave non-daemon threads behind; the worker's job is done.
        System.exit(0);
    }

    private static void awaitGo() throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            if (line.equals("GO")) {
                return;
            }
        }
        throw new IllegalStateException("standard input closed before GO");
    }

    private static Tally run(List<Workload.Action> actions, long measureFrom, long until) throws InterruptedException {
        List<Tally> tallies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        for (int t = 0; t < actions.size(); t++) {
            Tally tally = new Tally();
            Workload.Action action = actions.get(t);
            tallies.add(tally);
            threads.add(new Thread(() -> tally.repeat(action, measureFrom, until, firstFailure), "load-" + t));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        if (firstFailure.get() != null) {
            System.err.println("first failed operation:");
            firstFailure.get().printStackTrace();
        }
        Tally total = new Tally();
        tallies.forEach(total::add);
        return total;
    }
}
