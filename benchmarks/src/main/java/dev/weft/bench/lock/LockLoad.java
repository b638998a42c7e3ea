package dev.weft.bench.lock;

import com.acme.bench.LockedSection;
import dev.weft.bench.Format;
import dev.weft.bench.Harness;
import dev.weft.bench.Line;
import dev.weft.bench.NotInThisBuild;
import dev.weft.bench.Section;
import dev.weft.bench.load.LoadResult;
import dev.weft.bench.load.LoadRun;
import dev.weft.bench.load.WorkerJvm;
import dev.weft.bench.load.Workloads;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How every lock row loads one implementation and reports it, so that the rows of both lock sections measure alike.
 *
 * @param processes worker JVMs per implementation, all released together
 * @param threads   threads per worker JVM
 */
record LockLoad(Harness harness, int processes, int threads, Keys keys) {
    /** The method every row's weft.yaml names. */
    static final String WOVEN_METHOD = LockedSection.class.getName() + "#run(String)";

    LoadResult redisson(Workloads workload, List<String> uris) throws NotInThisBuild {
        return load(WorkerJvm.plain("redisson", harness.layout().redissonClassPath()), workload, uris);
    }

    LoadResult floor(List<String> uris) throws NotInThisBuild {
        return load(WorkerJvm.plain("floor", harness.layout().lettuceClassPath()), Workloads.FLOOR_LOCK, uris);
    }

    /** The woven method in a JVM whose agent reads {@code config}. */
    LoadResult weft(Path config) throws NotInThisBuild {
        return load(WorkerJvm.withAgent("weft", harness.layout().workerClassPath(), harness.layout().agentJar(),
                "config=" + config), Workloads.WEFT_LOCK, List.of());
    }

    private LoadResult load(WorkerJvm jvm, Workloads workload, List<String> uris) throws NotInThisBuild {
        List<String> args = new ArrayList<>(List.of(workload.id(), keys.arg()));
        args.addAll(uris);
        return LoadRun.run(jvm, harness.settings(), processes, threads, args);
    }

    /** A line of {@code section}, whose ratio column compares {@code result} with {@code baseline}. */
    static Line line(Section section, String row, String implementation, LoadResult result, LoadResult baseline) {
        return Line.measured(section, row, implementation, Format.rate(result.perSecond()),
                Format.latency(result.p50Nanos()), Format.latency(result.p99Nanos()),
                Format.ratio(result.perSecond(), baseline.perSecond()), Long.toString(result.failures()));
    }
}
