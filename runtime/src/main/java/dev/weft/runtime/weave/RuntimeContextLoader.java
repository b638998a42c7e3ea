package dev.weft.runtime.weave;

/**
 * The runtime's class loader as the thread's context loader while Weft works on an application thread: Lettuce, Netty
 * and Reactor look classes up through it, and would otherwise find the application's copies (say, its Netty 4.1) and
 * fail. Threads the runtime starts meanwhile inherit it.
 */
public final class RuntimeContextLoader {
    private static final ClassLoader RUNTIME = RuntimeContextLoader.class.getClassLoader();

    private RuntimeContextLoader() {
    }

    /** Makes the runtime's loader the current thread's context loader; returns the one {@link #restore} puts back. */
    public static ClassLoader use() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(RUNTIME);
        return previous;
    }

    public static void restore(ClassLoader previous) {
        Thread.currentThread().setContextClassLoader(previous);
    }
}
