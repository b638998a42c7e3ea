package dev.weft.api;

import dev.weft.bootstrap.WeftBridge;

/** The only Weft API an application may call. Works, returning neutral values, when the agent is not attached. */
public final class Weft {
    private Weft() {
    }

    /**
     * The fencing token of the innermost lock the current thread holds, or {@code -1} when it holds none
     * (or the agent is not running). Pass it to resources that reject stale writers.
     */
    public static long fencingToken() {
        return WeftBridge.fencingToken();
    }
}
