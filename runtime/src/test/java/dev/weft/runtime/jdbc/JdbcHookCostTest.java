package dev.weft.runtime.jdbc;

import static org.junit.jupiter.api.Assertions.assertNull;

import dev.weft.runtime.config.JdbcSettings;
import dev.weft.runtime.weave.BridgeDispatcher;
import dev.weft.runtime.weave.SiteRegistry;
import org.junit.jupiter.api.Test;

/**
 * A rough measure of what a hooked JDBC call costs outside any phase, through the same dispatcher the woven code
 * calls. It prints the figure and asserts nothing about time (a shared machine makes timings noise); the number
 * that counts comes from JMH, {@code dev.weft.bench.JdbcHookBenchmark}.
 */
class JdbcHookCostTest {
    private static final int WARM_UP = 5_000_000;
    private static final int CALLS = 20_000_000;

    @Test
    void aHookedCallOutsideAPhaseDoesNothing() {
        SiteRegistry sites = new SiteRegistry();
        int site = sites.register(new JdbcHook(JdbcCall.EXECUTE, new Barrier(JdbcSettings.defaults(), () -> 0)));
        BridgeDispatcher bridge = new BridgeDispatcher(sites, () -> -1, request -> request, (task, type) -> task);
        Object statement = new Object();
        assertNull(bridge.enter(site, Object.class, statement, null));

        long sink = run(bridge, site, statement, WARM_UP);
        long started = System.nanoTime();
        sink += run(bridge, site, statement, CALLS);
        double nanos = (System.nanoTime() - started) / (double) CALLS;
        System.out.printf("JDBC hook outside a phase: %.1f ns per call (%d calls; %d)%n", nanos, CALLS, sink);
    }

    /** What the inlined advice does: enter, and exit only for a scope. */
    private static long run(BridgeDispatcher bridge, int site, Object statement, int calls) {
        long scopes = 0;
        for (int i = 0; i < calls; i++) {
            Object scope = bridge.enter(site, Object.class, statement, null);
            if (scope != null) {
                bridge.exit(site, scope, null);
                scopes++;
            }
        }
        return scopes;
    }
}
