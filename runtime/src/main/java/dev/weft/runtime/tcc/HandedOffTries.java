package dev.weft.runtime.tcc;

/**
 * The tries of one global transaction that run on threads its global method handed work to (docs/distributed-tcc.md,
 * "Hand-offs inside one JVM"). They are admitted while the global method runs; when it ends, it waits for those still
 * running, so that every try has ended before the decision, as on its own thread, and admits no more: a try that
 * starts later could neither be confirmed nor cancelled, so it is refused.
 */
final class HandedOffTries {
    /** The global method's thread, or null: a transaction joined over HTTP (the shared log refuses late tries). */
    private final Thread root;
    private int running;
    private boolean closed;

    /** @param root the thread running the global method, null when it does not run in this process */
    HandedOffTries(Thread root) {
        this.root = root;
    }

    /** Whether a try on the current thread is handed off: it must be {@link #admit admitted}. */
    boolean onOtherThread() {
        return root != null && Thread.currentThread() != root;
    }

    /** @return false once the global method has ended: the try must not run */
    synchronized boolean admit() {
        if (closed) {
            return false;
        }
        running++;
        return true;
    }

    /** An admitted try is over (or failed to register). */
    synchronized void ended() {
        running--;
        if (running == 0) {
            notifyAll();
        }
    }

    /**
     * The global method has ended: no more tries, and those running end first. Not bounded by the deadline: a try that
     * runs on is the global method's own work, like a try on its own thread, and a decision taken while it runs could
     * confirm or cancel it before its work is there. An interrupt does not cut the wait short; it is kept for later.
     */
    synchronized void closeAndAwait() {
        closed = true;
        boolean interrupted = false;
        while (running > 0) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
