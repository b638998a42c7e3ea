package dev.weft.runtime.weave;

import dev.weft.bootstrap.WeftBridge;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * The bridge of this test JVM: {@link WeftBridge} takes one dispatcher per JVM, so it is installed once, and each test
 * class plugs in what it needs.
 */
public final class TestBridge {
    private static final SiteRegistry SITES = new SiteRegistry();
    private static volatile UnaryOperator<Object> outgoingRequests = UnaryOperator.identity();
    private static volatile BiFunction<Object, Class<?>, Object> handOffs = (task, type) -> task;

    static {
        WeftBridge.install(new BridgeDispatcher(SITES, () -> -1, request -> outgoingRequests.apply(request),
                (task, type) -> handOffs.apply(task, type)));
    }

    private TestBridge() {
    }

    /** @return the registry the installed dispatcher routes woven methods to: weave with it */
    public static SiteRegistry outgoingRequests(UnaryOperator<Object> outgoing) {
        outgoingRequests = outgoing;
        return SITES;
    }

    /** @return the registry the installed dispatcher routes woven methods to: weave with it */
    public static SiteRegistry handOffs(BiFunction<Object, Class<?>, Object> handOff) {
        handOffs = handOff;
        return SITES;
    }
}
