package dev.weft.bench.lock;

import dev.weft.bench.Harness;
import dev.weft.bench.Line;
import dev.weft.bench.NotInThisBuild;
import dev.weft.bench.Row;
import dev.weft.bench.Section;
import dev.weft.bench.WeftYaml;
import dev.weft.bench.load.LoadResult;
import dev.weft.bench.load.Workloads;
import dev.weft.testkit.RedisServer;
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
        LockLoad load = new LockLoad(harness, processes, threads, keys);
        List<Line> lines = new ArrayList<>();
        LoadResult redisson = load.redisson(Workloads.REDISSON_LOCK, uris);
        lines.add(line(redlock ? "RedissonRedLock" : "Redisson RLock", redisson, redisson));

        String weftName = redlock ? "Weft, mode: redlock" : "Weft";
        try {
            lines.add(line(weftName, load.weft(WeftYaml.locks(harness.scratch(), id, uris, LockLoad.WOVEN_METHOD)),
                    redisson));
        } catch (NotInThisBuild refused) {
            lines.add(Line.unavailable(Section.LOCKS, title, weftName, refused));
        }

        LoadResult floor = load.floor(uris);
        lines.add(line(redlock ? "raw Lettuce floor, majority of 5" : "raw Lettuce floor", floor, redisson));
        return lines;
    }

    private Line line(String implementation, LoadResult result, LoadResult redisson) {
        return LockLoad.line(Section.LOCKS, title, implementation, result, redisson);
    }
}
