package dev.weft.bench.lock;

import com.acme.bench.LockedSection;
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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One lock row: Redisson, Weft and the raw floor in turn, each in its own worker JVMs against the same fresh
 * redis-server(s), with the same threads and keys. Ratios are against Redisson in the same run.
 *
 * @param processes worker JVMs per implementation, all released together
 * @param threads   threads per worker JVM
 * @param nodes     redis-servers: 1 for a plain lock, 5 for RedLock
 */
public record LockRow(String id, String title, int processes, int threads, Keys keys, int nodes) implements Row {
    public static List<LockRow> all() {
        return List.of(
                new LockRow("lock-uncontended", "uncontended, 1 thread", 1, 1, Keys.DISTINCT, 1),
                new LockRow("lock-distinct", "distinct keys, 8 threads", 1, 8, Keys.DISTINCT, 1),
                new LockRow("lock-hot", "one hot key, 8 threads in one JVM", 1, 8, Keys.HOT, 1),
                new LockRow("lock-hot-jvms", "one hot key, 4 JVMs x 2 threads", 4, 2, Keys.HOT, 1),
                new LockRow("redlock", "RedLock over 5 redis-servers, 1 thread", 1, 1, Keys.DISTINCT, 5));
    }

    @Override
    public List<Line> run(Harness harness) throws Exception {
        List<RedisServer> servers = new ArrayList<>();
        try {
            for (int i = 0; i < nodes; i++) {
                servers.add(RedisServer.start());
            }
            List<String> uris = servers.stream().map(RedisServer::uri).toList();
            return measure(harness, uris);
        } finally {
            servers.forEach(RedisServer::close);
        }
    }

    private List<Line> measure(Harness harness, List<String> uris) throws NotInThisBuild {
        boolean redlock = nodes > 1;
        List<Line> lines = new ArrayList<>();
        LoadResult redisson = load(harness, WorkerJvm.plain("redisson", harness.layout().redissonClassPath()),
                Workloads.REDISSON_LOCK, uris);
        lines.add(line(redlock ? "RedissonRedLock" : "Redisson RLock", redisson, redisson));

        String weftName = redlock ? "Weft, mode: redlock" : "Weft";
        Path config = WeftYaml.locks(harness.scratch(), id, uris, LockedSection.class.getName() + "#run(String)");
        WorkerJvm weftJvm = WorkerJvm.withAgent("weft", harness.layout().workerClassPath(),
                harness.layout().agentJar(), "config=" + config);
        try {
            lines.add(line(weftName, load(harness, weftJvm, Workloads.WEFT_LOCK, List.of()), redisson));
        } catch (NotInThisBuild refused) {
            lines.add(Line.unavailable(Section.LOCKS, title, weftName, refused));
        }

        LoadResult floor = load(harness, WorkerJvm.plain("floor", harness.layout().lettuceClassPath()),
                Workloads.FLOOR_LOCK, uris);
        lines.add(line(redlock ? "raw Lettuce floor, majority of 5" : "raw Lettuce floor", floor, redisson));
        return lines;
    }

    private LoadResult load(Harness harness, WorkerJvm jvm, Workloads workload, List<String> uris)
            throws NotInThisBuild {
        List<String> args = new ArrayList<>(List.of(workload.id(), keys.arg()));
        args.addAll(uris);
        return LoadRun.run(jvm, harness.settings(), processes, threads, args);
    }

    private Line line(String implementation, LoadResult result, LoadResult redisson) {
        return Line.measured(Section.LOCKS, title, implementation, Format.rate(result.perSecond()),
                Format.latency(result.p50Nanos()), Format.latency(result.p99Nanos()),
                Format.ratio(result.perSecond(), redisson.perSecond()), Long.toString(result.failures()));
    }
}
