package dev.weft.bench;

import dev.weft.bootstrap.WeftBridge;
import dev.weft.runtime.config.JdbcSettings;
import dev.weft.runtime.jdbc.JdbcWeaveRule;
import dev.weft.runtime.weave.BridgeDispatcher;
import dev.weft.runtime.weave.SiteRegistry;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What the JDBC barrier adds to a JDBC call made outside any TCC phase (issue 5: under 50 ns). {@link #hook()} runs
 * exactly the code the agent inlines into every driver's {@code execute*}, {@code commit}, ... ({@code
 * ObservingAdvice}): {@code WeftBridge.enter} with the method's site id, and {@code exit} only for a scope.
 * {@link #baseline()} is the same loop body without the bridge; the difference is the hook's cost.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class JdbcHookBenchmark {
    private int siteId;
    private Object statement;

    /** Once per fork: the bridge accepts one dispatcher per JVM, as the agent installs it once. */
    @Setup(Level.Trial)
    public void installTheBarrier() {
        SiteRegistry sites = new SiteRegistry();
        JdbcSettings settings = new JdbcSettings(true, JdbcSettings.DEFAULT_RETENTION, true, null);
        // the site of Statement.executeUpdate(String), as the weaver registers it for a driver's method
        JdbcWeaveRule executeUpdate = JdbcWeaveRule.all(settings).stream()
                .filter(rule -> rule.selector().text().equals("+java.sql.Statement#executeUpdate(String)"))
                .findFirst().orElseThrow();
        siteId = sites.register(executeUpdate.createSite(null));
        WeftBridge.install(new BridgeDispatcher(sites, () -> -1L, request -> request, (task, type) -> task));
        statement = new Object();
    }

    @Benchmark
    public void baseline(Blackhole blackhole) {
        blackhole.consume(statement);
    }

    @Benchmark
    public void hook(Blackhole blackhole) {
        Object scope = WeftBridge.enter(siteId, JdbcHookBenchmark.class, statement, null);
        if (scope != null) {
            WeftBridge.exit(siteId, scope, null);
        }
        blackhole.consume(statement);
    }
}
