package dev.weft.runtime.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.api.LockUnavailableException;
import dev.weft.runtime.config.MethodSelector;
import dev.weft.runtime.config.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CountingSiteTest {
    private final SelectorStats stats = new SelectorStats(new Rule());
    private final List<Object> exits = new ArrayList<>();

    @Test
    void aCallThatRunsIsCountedAndTheRealScopeReachesTheRealExit() {
        Object realScope = new Object();
        CountingSite site = new CountingSite(site(() -> realScope), stats);
        Throwable thrown = new IllegalStateException("from the body");

        Object scope = site.enter(Object.class, null, new Object[0]);
        site.exit(scope, thrown);

        assertEquals(List.of(realScope, thrown), exits);
        assertCounts(1, 0, 0);
        assertEquals(1, stats.waitTimes().count());
        assertEquals(1, stats.runTimes().count());
    }

    @Test
    void aSkippedBodyIsCountedAndStaysSkipped() {
        CountingSite site = new CountingSite(site(() -> null), stats);

        assertNull(site.enter(Object.class, null, new Object[0]));
        assertCounts(1, 0, 1);
        assertEquals(1, stats.waitTimes().count());
        assertEquals(0, stats.runTimes().count());
    }

    @Test
    void aRefusedCallIsCountedAndTheExceptionReachesTheCallerUnchanged() {
        LockUnavailableException busy = new LockUnavailableException("busy");
        CountingSite site = new CountingSite(site(() -> {
            throw busy;
        }), stats);

        assertSame(busy, assertThrows(LockUnavailableException.class, () -> site.enter(Object.class, null, null)));
        assertCounts(1, 1, 0);
        assertEquals(1, stats.waitTimes().count());
        assertEquals(List.of(), exits);
    }

    private void assertCounts(long calls, long failures, long skipped) {
        assertEquals(List.of(calls, failures, skipped), List.of(stats.calls(), stats.failures(), stats.skipped()));
    }

    private Site site(java.util.function.Supplier<Object> enter) {
        return new Site() {
            @Override
            public Object enter(Class<?> declaringType, Object self, Object[] arguments) {
                return enter.get();
            }

            @Override
            public void exit(Object scope, Throwable thrown) {
                exits.add(scope);
                exits.add(thrown);
            }
        };
    }

    private static final class Rule implements RuleCheck {
        @Override
        public MethodSelector selector() {
            return MethodSelector.parse("com.acme.Shop#sell(..)");
        }

        @Override
        public SourcePosition position() {
            return new SourcePosition("weft.yaml", 3, 5);
        }

        @Override
        public Optional<String> problemWith(MethodShape method) {
            return Optional.empty();
        }
    }
}
