package dev.weft.bench.tcc;

import dev.weft.bench.Format;
import dev.weft.bench.Harness;
import dev.weft.bench.Line;
import dev.weft.bench.NotInThisBuild;
import dev.weft.bench.Row;
import dev.weft.bench.Section;
import dev.weft.bench.WeftYaml;
import dev.weft.bench.load.LoadResult;
import dev.weft.bench.load.LoadRun;
import dev.weft.bench.load.WorkerJvm;
import dev.weft.bench.load.Workloads;
import dev.weft.testkit.RedisServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Global transactions per second with two empty branches on the file log, from {@code callers} threads of one JVM;
 * or, with {@code callers} 0, the p99 each branch adds: (p99 with two branches - p99 with none) / 2, one caller.
 * There is no peer: the issue sets an absolute goal instead.
 */
public record TccRow(String id, int callers) implements Row {
    private static final int BRANCHES = 2;
    /** The file log's results of this run (by scratch directory), for the shared-log rows' ratios. */
    private static final Map<Baseline, LoadResult> FILE_LOG = new ConcurrentHashMap<>();

    private record Baseline(Path scratch, int callers) {
    }

    public static List<TccRow> all() {
        return List.of(new TccRow("tcc-1", 1), new TccRow("tcc-8", 8), new TccRow("tcc-32", 32),
                new TccRow("tcc-branch-p99", 0));
    }

    @Override
    public List<Line> run(Harness harness) throws Exception {
        String row = callers == 0 ? "p99 added per branch, 1 caller" : "2 empty branches, " + callers + (callers == 1 ? " caller" : " callers");
        // The log goes where the scratch directory is: on the disk that /tmp is on, so fsync is paid in full.
        Path log = Files.createDirectory(harness.scratch().resolve(id + "-txlog"));
        try (RedisServer redis = RedisServer.start()) {
            Path config = WeftYaml.tcc(harness.scratch(), id, redis.uri(), log);
            WorkerJvm jvm = WorkerJvm.withAgent("weft-tcc", harness.layout().workerClassPath(),
                    harness.layout().agentJar(), "config=" + config);
            if (callers == 0) {
                LoadResult none = transactions(harness, jvm, 1, 0);
                LoadResult two = transactions(harness, jvm, 1, BRANCHES);
                long perBranch = (two.p99Nanos() - none.p99Nanos()) / BRANCHES;
                return List.of(Line.measured(Section.TCC, row, "Weft", "", "", Format.latency(perBranch),
                        Long.toString(none.failures() + two.failures())));
            }
            LoadResult result = transactions(harness, jvm, callers, BRANCHES);
            FILE_LOG.put(new Baseline(harness.scratch(), callers), result);
            return List.of(Line.measured(Section.TCC, row, "Weft", Format.rate(result.perSecond()),
                    Format.latency(result.p50Nanos()), Format.latency(result.p99Nanos()),
                    Long.toString(result.failures())));
        } catch (NotInThisBuild refused) {
            return List.of(Line.unavailable(Section.TCC, row, "Weft", refused));
        }
    }

    /**
     * The file log with {@code callers} callers in this run: the result of row {@code tcc-<callers>} if it ran
     * already, else measured now (and kept for the next shared-log row).
     */
    static LoadResult fileLog(Harness harness, int callers) throws Exception {
        LoadResult known = FILE_LOG.get(new Baseline(harness.scratch(), callers));
        if (known != null) {
            return known;
        }
        System.err.println("[bench] the file log with " + callers + " callers first, for the ratio ...");
        new TccRow("tcc-" + callers + "-baseline", callers).run(harness);
        return FILE_LOG.get(new Baseline(harness.scratch(), callers));
    }

    static LoadResult transactions(Harness harness, WorkerJvm jvm, int callers, int branches)
            throws NotInThisBuild {
        return LoadRun.run(jvm, harness.settings(), 1, callers,
                List.of(Workloads.WEFT_TCC.id(), Integer.toString(branches)));
    }
}
