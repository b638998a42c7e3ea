package dev.weft.bench.load;

import dev.weft.bench.NotInThisBuild;
import dev.weft.bench.Settings;
import dev.weft.testkit.JavaProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Runs one implementation's worker JVMs together and merges what they report. */
public final class LoadRun {
    /** Only so that a broken run cannot hang; generous because two cores may be busy with other JVMs. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private LoadRun() {
    }

    /**
     * @param workload the workload's id and arguments (see {@link Workloads})
     * @throws NotInThisBuild if the agent refused a feature this build lacks (exit 78, "not available")
     */
    public static LoadResult run(WorkerJvm jvm, Settings settings, int processes, int threads, List<String> workload)
            throws NotInThisBuild {
        List<JavaProcess> workers = new ArrayList<>();
        try {
            for (int p = 0; p < processes; p++) {
                workers.add(jvm.start(p, settings, threads, workload));
            }
            for (JavaProcess worker : workers) {
                awaitReady(worker);
            }
            Instant go = Instant.now();
            workers.forEach(worker -> worker.send("GO"));
            Duration exitTimeout = READY_TIMEOUT.plus(settings.warmup()).plus(settings.measure());
            Histogram latency = new Histogram();
            long failures = 0;
            Map<String, Long> counts = new TreeMap<>();
            for (JavaProcess worker : workers) {
                int status = worker.awaitExit(exitTimeout);
                String result = worker.stdoutLines().stream().filter(line -> line.startsWith("RESULT "))
                        .findFirst().orElse(null);
                if (status != 0 || result == null) {
                    throw new IllegalStateException(jvm.name() + " worker failed (exit " + status + ")" + worker.report());
                }
                String[] fields = result.split(" ");
                failures += Long.parseLong(fields[1]);
                latency.add(Histogram.decode(fields[2]));
                for (String line : worker.stdoutLines()) {
                    if (line.startsWith("COUNT ")) {
                        String[] count = line.split(" ");
                        counts.merge(count[1], Long.parseLong(count[2]), Long::sum);
                    }
                }
            }
            if (latency.count() == 0) {
                throw new IllegalStateException(jvm.name() + " completed no operation in " + settings.measure()
                        + workers.get(0).report());
            }
            return new LoadResult(latency, failures, settings.measure(), counts,
                    go.plus(settings.warmup()));
        } finally {
            workers.forEach(JavaProcess::close);
        }
    }

    private static void awaitReady(JavaProcess worker) throws NotInThisBuild {
        try {
            worker.awaitLine("READY", READY_TIMEOUT);
        } catch (IllegalStateException e) {
            NotInThisBuild.throwIfRefused(worker);
            throw e;
        }
    }
}
