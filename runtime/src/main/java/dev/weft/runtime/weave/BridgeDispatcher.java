package dev.weft.runtime.weave;

import dev.weft.bootstrap.WeftBridge;
import java.util.function.LongSupplier;

/** Routes the bridge's calls to the site each woven method was given at weave time. */
public final class BridgeDispatcher implements WeftBridge.Dispatcher {
    private final SiteRegistry sites;
    private final LongSupplier fencingToken;

    public BridgeDispatcher(SiteRegistry sites, LongSupplier fencingToken) {
        this.sites = sites;
        this.fencingToken = fencingToken;
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
    public long fencingToken() {
        return fencingToken.getAsLong();
    }
}
