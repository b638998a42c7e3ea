package dev.weft.bench.xa;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code xa.global} costs (docs/xa.md): {@code threads} callers moving money between two H2 file databases, in
 * the same run, with two local commits (unsafe), with Weft's XA over the same code and HikariCP pools, and with
 * Narayana wired by hand (the floor the issue asks Weft to come within 10% of). Each gets fresh databases and its own
 * Narayana object store.
 */
public record XaRow(String id, int threads) implements Row {
    public static List<XaRow> all() {
        return List.of(new XaRow("xa-1", 1), new XaRow("xa-8", 8));
    }

    /** {@code xa-8} is the same code with more threads. */
    @Override
    public boolean inSmokeRun() {
        return threads == 1;
    }

    @Override
    public List<Line> run(Harness harness) throws Exception {
        String row = "transfer between two databases, " + threads + (threads == 1 ? " thread" : " threads");
        Map<XaTransfer, LoadResult> results = new EnumMap<>(XaTransfer.class);
        Map<XaTransfer, NotInThisBuild> refusals = new EnumMap<>(XaTransfer.class);
        for (XaTransfer transfer : XaTransfer.values()) {
            try {
                results.put(transfer, transfer(harness, transfer));
            } catch (NotInThisBuild refused) {
                refusals.put(transfer, refused);
            }
        }
        LoadResult floor = results.get(XaTransfer.HAND_WIRED);
        List<Line> lines = new ArrayList<>();
        for (XaTransfer transfer : XaTransfer.values()) {
            LoadResult result = results.get(transfer);
            lines.add(result == null
                    ? Line.unavailable(Section.XA, row, transfer.label(), refusals.get(transfer))
                    : Line.measured(Section.XA, row, transfer.label(), Format.rate(result.perSecond()),
                            Format.latency(result.p50Nanos()), Format.latency(result.p99Nanos()),
                            floor == null ? "-" : Format.ratio(result.perSecond(), floor.perSecond()),
                            Long.toString(result.failures())));
        }
        return lines;
    }

    private LoadResult transfer(Harness harness, XaTransfer transfer) throws Exception {
        Path dir = Files.createDirectory(harness.scratch().resolve(id() + "-" + transfer.name().toLowerCase()));
        Path objectStore = dir.resolve("object-store");
        List<String> workload = List.of(Workloads.XA_TRANSFER.id(), transfer.name(),
                "jdbc:h2:file:" + dir.resolve("first"), "jdbc:h2:file:" + dir.resolve("second"),
                objectStore.toString());
        String classPath = harness.layout().workerClassPath("org.h2.Driver", "com.zaxxer.hikari.HikariDataSource",
                "org.slf4j.Logger", "com.arjuna.ats.jta.TransactionManager", "jakarta.transaction.TransactionManager",
                "org.jboss.tm.XAResourceWrapper", "org.jboss.logging.Logger");
        WorkerJvm jvm = transfer == XaTransfer.WEFT
                ? WorkerJvm.withAgent("xa-weft", classPath, harness.layout().agentJar(),
                        "config=" + WeftYaml.xa(harness.scratch(), id() + "-weft", objectStore))
                : WorkerJvm.plain("xa-" + transfer.name().toLowerCase(), classPath);
        return LoadRun.run(jvm, harness.settings(), 1, threads, workload);
    }
}
