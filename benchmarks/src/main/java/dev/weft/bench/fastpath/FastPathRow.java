package dev.weft.bench.fastpath;

import com.acme.bench.Reentry;
import dev.weft.bench.Format;
import dev.weft.bench.Harness;
import dev.weft.bench.Line;
import dev.weft.bench.Row;
import dev.weft.bench.Section;
import dev.weft.bench.Settings;
import dev.weft.bench.WeftYaml;
import dev.weft.testkit.RedisServer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/** Runs {@link WovenReentryBenchmark} in JMH forks started with the agent, against a fresh redis-server. */
public final class FastPathRow implements Row {
    private static final String ROW = "woven method, reentrant re-entry (local fast path)";

    @Override
    public String id() {
        return "fastpath-reentry";
    }

    @Override
    public List<Line> run(Harness harness) throws Exception {
        try (RedisServer redis = RedisServer.start()) {
            String reentry = Reentry.class.getName();
            Path config = WeftYaml.locks(harness.scratch(), id(), List.of(redis.uri()),
                    reentry + "#holdAndReenter(..)", reentry + "#reenter(String, int)");
            Settings settings = harness.settings();
            TimeValue iteration = TimeValue.milliseconds(settings.jmhIteration().toMillis());
            Options options = new OptionsBuilder()
                    .include(Pattern.quote(WovenReentryBenchmark.class.getName()) + "\\.")
                    .forks(settings.jmhForks())
                    .warmupIterations(settings.jmhIterations()).warmupTime(iteration)
                    .measurementIterations(settings.jmhIterations()).measurementTime(iteration)
                    .timeUnit(TimeUnit.NANOSECONDS)
                    .jvmArgsAppend("-javaagent:" + harness.layout().agentJar() + "=config=" + config)
                    .shouldFailOnError(true)
                    .verbosity(settings.smoke() ? VerboseMode.SILENT : VerboseMode.NORMAL)
                    .build();
            double woven = Double.NaN;
            double plain = Double.NaN;
            for (RunResult result : new Runner(options).run()) {
                String benchmark = result.getParams().getBenchmark();
                double score = result.getPrimaryResult().getScore();
                if (benchmark.endsWith(".woven")) {
                    woven = score;
                } else {
                    plain = score;
                }
            }
            if (Double.isNaN(woven) || Double.isNaN(plain)) {
                throw new IllegalStateException("JMH reported no score for " + (Double.isNaN(woven) ? "woven" : "plain"));
            }
            return List.of(
                    Line.measured(Section.PER_CALL, ROW, "Weft", Format.nanosPerOp(woven),
                            "+" + Format.nanosPerOp(woven - plain)),
                    Line.measured(Section.PER_CALL, "the same call, not woven", "plain JVM (agent attached)",
                            Format.nanosPerOp(plain), ""));
        }
    }
}
