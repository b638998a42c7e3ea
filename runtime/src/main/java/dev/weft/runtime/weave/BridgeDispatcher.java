package dev.weft.runtime.weave;

import dev.weft.bootstrap.WeftBridge;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

/**
 * Routes the bridge's calls to the site each woven method was given at weave time. While Weft works on an application
 * thread, the thread's context class loader is the runtime's own ({@link RuntimeContextLoader}): the sites see to it
 * ({@link SiteRegistry}), and so does this for outgoing requests.
 */
public final class BridgeDispatcher implements WeftBridge.Dispatcher {
    private final SiteRegistry sites;
    private final LongSupplier fencingToken;
    private final UnaryOperator<Object> outgoingRequests;
    private final BiFunction<Object, Class<?>, Object> handOffs;

    /**
     * @param outgoingRequests what {@link #outgoingRequest} does: adds a transaction's headers to a request
     * @param handOffs         what {@link #handOff} does: wraps a task so that it carries the thread's transaction
     */
    public BridgeDispatcher(SiteRegistry sites, LongSupplier fencingToken, UnaryOperator<Object> outgoingRequests,
                            BiFunction<Object, Class<?>, Object> handOffs) {
        this.sites = sites;
        this.fencingToken = fencingToken;
        this.outgoingRequests = outgoingRequests;
        this.handOffs = handOffs;
    }

    @Override
    public Object enter(int siteId, Class<?> declaringType, Object self, Object[] arguments) {
        return sites.get(siteId).enter(declaringType, self, arguments);
    }

    @Override
    public void exit(int siteId, Object scope, Throwable thrown) {
        sites.get(siteId).exit(scope, thrown);
    }

    @Override
    public void exitReturning(int siteId, Object scope, Object returned, Throwable thrown) {
        sites.get(siteId).exit(scope, returned, thrown);
    }

    @Override
    public Throwable exitAbsorbing(int siteId, Object scope, Throwable thrown) {
        return sites.get(siteId).exitAbsorbing(scope, thrown);
    }

    @Override
    public Object exitReplacing(int siteId, Object scope, Object returned, Throwable thrown) {
        return sites.get(siteId).exitReplacing(scope, returned, thrown);
    }

    @Override
    public Object outgoingRequest(Object request) {
        ClassLoader application = RuntimeContextLoader.use();
        try {
            return outgoingRequests.apply(request);
        } finally {
            RuntimeContextLoader.restore(application);
        }
    }

    /** Needs no class loader of its own: it loads nothing and calls only the JDK. */
    @Override
    public Object handOff(Object task, Class<?> type) {
        return handOffs.apply(task, type);
    }

    @Override
    public long fencingToken() {
        return fencingToken.getAsLong();
    }
}
