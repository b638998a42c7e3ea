package dev.weft.bench;

import dev.weft.bench.fastpath.FastPathRow;
import dev.weft.bench.lock.ClusterLockRow;
import dev.weft.bench.lock.LockRow;
import dev.weft.bench.lock.TlsLockRow;
import dev.weft.bench.notify.NotifyRow;
import dev.weft.bench.outbox.OutboxCostRow;
import dev.weft.bench.outbox.OutboxLagRow;
import dev.weft.bench.outbox.OutboxThroughputRow;
import dev.weft.bench.session.SessionRow;
import dev.weft.bench.startup.StartupRow;
import dev.weft.bench.tcc.SharedTccRow;
import dev.weft.bench.tcc.TccRow;
import dev.weft.bench.xa.XaRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The whole-process harness: {@code java -cp benchmarks/target/weft-benchmarks.jar dev.weft.bench.Bench [--smoke]
 * all|<row id>...}, from the repository root after {@code mvn -B -q -DskipTests package}. Prints one Markdown table
 * per section; progress goes to standard error.
 */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> ids = new ArrayList<>(List.of(args));
        boolean smoke = ids.remove("--smoke");
        if (ids.isEmpty()) {
            System.err.println("usage: Bench [--smoke] all|<row>...; rows: "
                    + String.join(" ", rows().stream().map(Row::id).toList()));
            System.exit(2);
        }
        String machine = Machine.describe();
        List<Line> lines = run(Layout.fromSystemProperties(), smoke ? Settings.SMOKE : Settings.FULL, ids);
        System.out.println(Report.markdown(lines, machine));
    }

    /** Runs the rows named (or all), in the order of {@link #rows()}. */
    public static List<Line> run(Layout layout, Settings settings, List<String> ids) throws Exception {
        List<Row> selected = select(ids).stream()
                .filter(row -> !settings.smoke() || !ids.equals(List.of("all")) || row.inSmokeRun()).toList();
        Path scratch = Files.createTempDirectory("weft-bench-");
        try {
            Harness harness = new Harness(layout, settings, scratch);
            List<Line> lines = new ArrayList<>();
            for (Row row : selected) {
                System.err.println("[bench] " + row.id() + (settings.smoke() ? " (smoke)" : "") + " ...");
                long started = System.nanoTime();
                lines.addAll(row.run(harness));
                System.err.printf(Locale.ROOT, "[bench] %s took %.1f s%n", row.id(), (System.nanoTime() - started) / 1e9);
            }
            return lines;
        } finally {
            delete(scratch);
        }
    }

    public static List<Row> rows() {
        List<Row> rows = new ArrayList<>(LockRow.all());
        rows.addAll(ClusterLockRow.all());
        rows.addAll(TlsLockRow.all());
        rows.addAll(StartupRow.all());
        rows.add(new FastPathRow());
        rows.addAll(TccRow.all());
        rows.addAll(SharedTccRow.all());
        rows.addAll(OutboxThroughputRow.all());
        rows.add(new OutboxLagRow());
        rows.add(new OutboxCostRow());
        rows.addAll(NotifyRow.all());
        rows.addAll(XaRow.all());
        rows.addAll(SessionRow.all());
        return rows;
    }

    private static List<Row> select(List<String> ids) {
        List<Row> all = rows();
        if (ids.equals(List.of("all"))) {
            return all;
        }
        List<String> known = all.stream().map(Row::id).toList();
        ids.stream().filter(id -> !known.contains(id)).findFirst().ifPresent(id -> {
            throw new IllegalArgumentException("no row " + id + "; rows: " + String.join(" ", known));
        });
        return all.stream().filter(row -> ids.contains(row.id())).toList();
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
