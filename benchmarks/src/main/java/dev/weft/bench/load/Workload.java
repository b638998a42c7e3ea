package dev.weft.bench.load;

/** What a worker JVM's threads repeat: set up (connect) before the run, closed after it. */
public interface Workload extends AutoCloseable {
    /** The operation thread {@code thread} repeats; made before the clock starts, so it can precompute its key. */
    Action forThread(int thread);

    @Override
    default void close() throws Exception {
    }

    /** One measured operation: a lock and unlock, or one global transaction. */
    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }
}
