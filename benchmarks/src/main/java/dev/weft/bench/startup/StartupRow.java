package dev.weft.bench.startup;

import dev.weft.bench.Format;
import dev.weft.bench.Harness;
import dev.weft.bench.Line;
import dev.weft.bench.Row;
import dev.weft.bench.Section;
import dev.weft.bench.WeftYaml;
import dev.weft.testkit.JavaProcess;
import dev.weft.testkit.RedisServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Wall time (launch to exit, seen from outside) and peak RSS (the application's own VmHWM just before it returns)
 * of the generated application, bare, with Weft and with the OpenTelemetry agent. Launches are interleaved, so a
 * slow spell of the machine hits all three alike; the medians are reported.
 *
 * @param generated the generated application ({@code Settings.generatedClasses()} classes), else hello world
 */
public record StartupRow(String id, boolean generated) implements Row {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    public static List<StartupRow> all() {
        return List.of(new StartupRow("startup-hello", false), new StartupRow("startup-generated", true));
    }

    @Override
    public List<Line> run(Harness harness) throws Exception {
        int count = generated ? harness.settings().generatedClasses() : 0;
        String app = !generated ? "hello world" : String.format(Locale.ROOT, "generated, %,d classes", count);
        Path appClasses = AppGenerator.generate(Files.createDirectory(harness.scratch().resolve(id)), count);
        try (RedisServer redis = RedisServer.start()) {
            Path config = WeftYaml.locks(harness.scratch(), id, List.of(redis.uri()), AppGenerator.LOCKED_METHOD);
            Map<Attachment, List<Launch>> launches = new EnumMap<>(Attachment.class);
            int rounds = harness.settings().startupWarmups() + harness.settings().startupRuns();
            for (int round = 0; round < rounds; round++) {
                for (Attachment attachment : Attachment.values()) {
                    Launch launch = launch(harness, appClasses, attachment, config);
                    if (round >= harness.settings().startupWarmups()) {
                        launches.computeIfAbsent(attachment, a -> new ArrayList<>()).add(launch);
                    }
                }
            }
            Launch bare = Launch.median(launches.get(Attachment.NONE));
            List<Line> lines = new ArrayList<>();
            for (Attachment attachment : Attachment.values()) {
                Launch median = Launch.median(launches.get(attachment));
                boolean baseline = attachment == Attachment.NONE;
                lines.add(Line.measured(Section.STARTUP, app, attachment.label(),
                        Format.millis(median.wallNanos()), Format.mebibytes(median.peakRssKib()),
                        baseline ? "" : Format.signedMillis(median.wallNanos() - bare.wallNanos()),
                        baseline ? "" : Format.signedMebibytes(median.peakRssKib() - bare.peakRssKib())));
            }
            return lines;
        }
    }

    private Launch launch(Harness harness, Path appClasses, Attachment attachment, Path config) {
        JavaProcess.Builder jvm = JavaProcess.mainClass(AppGenerator.MAIN).classPath(appClasses.toString())
                .name(id + "-" + attachment.name().toLowerCase(Locale.ROOT));
        attachment.attach(jvm, harness.layout(), config);
        long started = System.nanoTime();
        JavaProcess app = jvm.start();
        int status = app.awaitExit(TIMEOUT);
        long wall = System.nanoTime() - started;
        String peak = app.stdoutLines().stream().filter(line -> line.startsWith(AppGenerator.PEAK_RSS))
                .findFirst().orElse(null);
        if (status != 0 || peak == null) {
            throw new IllegalStateException("the application failed (exit " + status + ")" + app.report());
        }
        return new Launch(wall, Long.parseLong(peak.substring(AppGenerator.PEAK_RSS.length())));
    }

    /** One launch; the median of several is taken per measure, not as one launch. */
    record Launch(long wallNanos, long peakRssKib) {
        static Launch median(List<Launch> launches) {
            return new Launch(median(launches.stream().mapToLong(Launch::wallNanos).sorted().toArray()),
                    median(launches.stream().mapToLong(Launch::peakRssKib).sorted().toArray()));
        }

        private static long median(long[] sorted) {
            int n = sorted.length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }
    }
}
