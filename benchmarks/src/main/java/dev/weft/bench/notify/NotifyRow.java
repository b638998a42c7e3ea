package dev.weft.bench.notify;

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
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code notifications:} adds to a void method that succeeds (docs/notifications.md): the call recorded before
 * the body and forgotten after it. {@code threads} callers, back to back: the plain method without the agent, then
 * the same method woven with its calls in Redis without persistence, in Redis with every write fsynced (AOF,
 * {@code appendfsync always}), and in the file store (two fsyncs a call, shared by concurrent callers), in the same
 * run.
 */
public record NotifyRow(String id, int threads) implements Row {
    public static List<NotifyRow> all() {
        return List.of(new NotifyRow("notify-1", 1), new NotifyRow("notify-8", 8));
    }

    /** {@code notify-8} is the same code with more threads. */
    @Override
    public boolean inSmokeRun() {
        return threads == 1;
    }

    private String row() {
        return "void method that succeeds, " + threads + (threads == 1 ? " thread" : " threads");
    }

    @Override
    public List<Line> run(Harness harness) throws Exception {
        LoadResult plain = LoadRun.run(WorkerJvm.plain("notify-plain", harness.layout().workerClassPath()),
                harness.settings(), 1, threads, List.of(Workloads.NOTIFY_CALL.id(), "false"));
        List<Line> lines = new ArrayList<>(List.of(line(row(), "no agent", plain, plain)));
        try (RedisServer redis = RedisServer.start()) {
            lines.add(woven(harness, "Weft, Redis store, no persistence", redis.uri(), "{type: redis}", plain));
            Path log = Files.createDirectory(harness.scratch().resolve(id() + "-txlog"));
            lines.add(woven(harness, "Weft, file store (fsync)", redis.uri(), "{type: file, dir: \"" + log + "\"}",
                    plain));
        }
        try (RedisServer redis = RedisServer.start("--appendonly", "yes", "--appendfsync", "always")) {
            lines.add(woven(harness, "Weft, Redis store, AOF appendfsync always", redis.uri(), "{type: redis}",
                    plain));
        }
        return lines;
    }

    private Line woven(Harness harness, String label, String redisUri, String log, LoadResult plain)
            throws Exception {
        Path config = WeftYaml.notifications(harness.scratch(), id() + "-" + label.replaceAll("\\W+", "-"), redisUri,
                log);
        try {
            LoadResult result = LoadRun.run(WorkerJvm.withAgent("notify-weft", harness.layout().workerClassPath(),
                    harness.layout().agentJar(), "config=" + config), harness.settings(), 1, threads,
                    List.of(Workloads.NOTIFY_CALL.id(), "true"));
            return line(row(), label, result, plain);
        } catch (NotInThisBuild refused) {
            return Line.unavailable(Section.NOTIFY, row(), label, refused);
        }
    }

    private static Line line(String row, String label, LoadResult result, LoadResult plain) {
        return Line.measured(Section.NOTIFY, row, label, Format.rate(result.perSecond()),
                Format.latency(result.p50Nanos()), Format.latency(result.p99Nanos()),
                Format.latency(result.p99Nanos() - plain.p99Nanos()), Long.toString(result.failures()));
    }
}
