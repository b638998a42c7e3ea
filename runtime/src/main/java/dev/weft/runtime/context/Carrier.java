package dev.weft.runtime.context;

/**
 * State of the current thread that must follow work handed to another thread inside this JVM (docs/distributed-tcc.md,
 * "Hand-offs inside one JVM"): taken when the task is handed off, current on the thread that runs it while it runs.
 */
public interface Carrier {
    /** Taken on the handing thread; null when there is nothing to carry. */
    Captured capture();

    /** What was current at the hand-off. */
    interface Captured {
        /** Makes it current on this thread until the returned scope is closed, which restores what was there. */
        Attached attach();
    }

    /** The task has run. */
    interface Attached extends AutoCloseable {
        @Override
        void close();
    }
}
