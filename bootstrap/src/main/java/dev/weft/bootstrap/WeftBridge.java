package dev.weft.bootstrap;

/**
 * The one door between woven application code and the Weft runtime.
 *
 * <p>This class is appended to the bootstrap class path so that code in every class loader can see it. It holds
 * nothing but a reference to the runtime's {@link Dispatcher}; the runtime itself lives in a private class loader.
 * Woven advice calls only the static methods below, which keeps the advice tiny and the class format unchanged.
 */
public final class WeftBridge {

    /** Implemented by the runtime. Kept to plain JDK types so it never drags a library into view. */
    public interface Dispatcher {
        /**
         * Called before a woven method body runs.
         *
         * @return a scope to hand back to {@link #exit}, or {@code null} to skip the body (it then returns its
         *     type's default value). Throws to stop the call before the body runs.
         */
        Object enter(int siteId, Class<?> declaringType, Object self, Object[] arguments);

        /** Called after the body returned or threw; {@code thrown} is {@code null} on a normal return. */
        void exit(int siteId, Object scope, Throwable thrown);

        /**
         * {@link #exit} for a site that needs the method's return value: {@code returned} is the value returned
         * (boxed), or {@code null} when the body threw.
         */
        void exitReturning(int siteId, Object scope, Object returned, Throwable thrown);

        /**
         * {@link #exit} for a site that may turn a {@code void} method's failure into a normal return (a best-effort
         * notification, retried later).
         *
         * @return what the method then throws: {@code thrown}, another throwable, or {@code null} to return normally
         */
        Throwable exitAbsorbing(int siteId, Object scope, Throwable thrown);

        /**
         * {@link #exit} for a site that may hand the caller another object than the one the method returned (inside
         * an XA method, a connection enlisted in the global transaction instead of a pool's own).
         *
         * @return what the method then returns: {@code returned} itself, or an object of the method's return type
         */
        Object exitReplacing(int siteId, Object scope, Object returned, Throwable thrown);

        long fencingToken();

        /**
         * Called by rewritten call sites and woven HTTP client methods just before an HTTP request leaves this JVM:
         * {@code request} is a {@code java.net.http.HttpRequest} about to be sent, a {@code java.net.URLConnection}
         * just opened, or a library's request (OkHttp, Apache HttpClient 5). Typed {@code Object} because this class
         * lives on the boot class path, which cannot see {@code java.net.http} nor the application's libraries.
         *
         * @return the request to use instead (a copy with headers added), or the same one. Throws to stop the request.
         */
        Object outgoingRequest(Object request);

        /**
         * Called by rewritten call sites just before work is handed to another thread ({@code Executor.execute},
         * {@code ExecutorService.submit/invokeAll/invokeAny}, {@code CompletableFuture.*Async}): {@code task} is the
         * argument of type {@code type} (a {@code Runnable}, {@code Callable}, {@code Supplier}, {@code Function},
         * {@code Consumer}, {@code BiFunction}, {@code BiConsumer}, or a {@code Collection} of {@code Callable}s).
         *
         * @return a task of the same type that carries the current thread's global transaction to the thread that
         *     runs it, or {@code task} itself when there is nothing to carry
         */
        Object handOff(Object task, Class<?> type);
    }

    private static volatile Dispatcher dispatcher;

    private WeftBridge() {
    }

    /** Installed once by the runtime; later calls are refused so application code cannot swap it. */
    public static synchronized void install(Dispatcher runtime) {
        if (dispatcher != null) {
            throw new IllegalStateException("weft: the runtime is already installed");
        }
        dispatcher = runtime;
    }

    public static Object enter(int siteId, Class<?> declaringType, Object self, Object[] arguments) {
        Dispatcher d = dispatcher;
        if (d == null) {
            // Advice exists only because the runtime wove it, so this is a broken start-up: fail closed.
            throw new IllegalStateException("weft: a woven method was called but the Weft runtime is not installed");
        }
        return d.enter(siteId, declaringType, self, arguments);
    }

    public static void exit(int siteId, Object scope, Throwable thrown) {
        Dispatcher d = dispatcher;
        if (d != null) {
            d.exit(siteId, scope, thrown);
        }
    }

    public static void exitReturning(int siteId, Object scope, Object returned, Throwable thrown) {
        Dispatcher d = dispatcher;
        if (d != null) {
            d.exitReturning(siteId, scope, returned, thrown);
        }
    }

    public static Throwable exitAbsorbing(int siteId, Object scope, Throwable thrown) {
        Dispatcher d = dispatcher;
        return d == null ? thrown : d.exitAbsorbing(siteId, scope, thrown);
    }

    public static Object exitReplacing(int siteId, Object scope, Object returned, Throwable thrown) {
        Dispatcher d = dispatcher;
        return d == null ? returned : d.exitReplacing(siteId, scope, returned, thrown);
    }

    public static Object outgoingRequest(Object request) {
        Dispatcher d = dispatcher;
        return d == null ? request : d.outgoingRequest(request);
    }

    public static Object handOff(Object task, Class<?> type) {
        Dispatcher d = dispatcher;
        return d == null ? task : d.handOff(task, type);
    }

    public static long fencingToken() {
        Dispatcher d = dispatcher;
        return d == null ? -1L : d.fencingToken();
    }
}
