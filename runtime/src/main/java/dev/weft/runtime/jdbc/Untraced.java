package dev.weft.runtime.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Runs Weft's own SQL out of sight of the OpenTelemetry Java agent (docs/architecture.md, "Invisible to other agents").
 * Weft's statements go through the application's JDBC driver, which that agent instruments: without this they would
 * show up as spans in the application's traces. When the agent is attached, its bootstrap class path has
 * {@code InstrumentationUtil.suppressInstrumentation(Runnable)}, which runs the work in a context its instrumentations
 * honour by making no span; without the agent the work runs as it is.
 */
public final class Untraced {
    private static final String INSTRUMENTATION_UTIL =
            "io.opentelemetry.javaagent.shaded.io.opentelemetry.api.internal.InstrumentationUtil";
    /** The OTel agent may start after Weft (its -javaagent comes later): look again at most this often. */
    private static final long LOOK_AGAIN_NANOS = 1_000_000_000L;

    private static volatile Method suppress;
    private static volatile long lookedAt = System.nanoTime() - LOOK_AGAIN_NANOS;

    private Untraced() {
    }

    /** @param <E> what it throws: SQLException for statements, none for work that handles its own */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }

    public static <T, E extends Exception> T run(Work<T, E> work) throws E {
        Method found = suppressor();
        if (found == null) {
            return work.run();
        }
        Outcome<T, E> outcome = new Outcome<>();
        try {
            found.invoke(null, (Runnable) () -> outcome.run(work));
        } catch (IllegalAccessException | InvocationTargetException e) {
            // the agent changed its API: better a span than no statement
            return work.run();
        }
        return outcome.get();
    }

    private static Method suppressor() {
        Method found = suppress;
        if (found != null || System.nanoTime() - lookedAt < LOOK_AGAIN_NANOS) {
            return found;
        }
        lookedAt = System.nanoTime();
        try {
            found = Class.forName(INSTRUMENTATION_UTIL, false, null).getMethod("suppressInstrumentation",
                    Runnable.class);
            suppress = found;
            return found;
        } catch (ReflectiveOperationException | LinkageError absent) {
            return null;
        }
    }

    /** The work's result or failure, carried out of the {@code Runnable} the agent runs. */
    private static final class Outcome<T, E extends Exception> {
        private T result;
        private Throwable thrown;

        void run(Work<T, E> work) {
            try {
                result = work.run();
            } catch (Exception | Error e) {
                thrown = e;
            }
        }

        /** Rethrows what the work threw: an Error, a RuntimeException, or the work's own E. */
        @SuppressWarnings("unchecked")
        T get() throws E {
            if (thrown instanceof Error error) {
                throw error;
            }
            if (thrown instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (thrown != null) {
                throw (E) thrown;
            }
            return result;
        }
    }
}
