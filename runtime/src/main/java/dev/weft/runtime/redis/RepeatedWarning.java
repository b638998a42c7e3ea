package dev.weft.runtime.redis;

import dev.weft.runtime.log.Log;

/**
 * A warning that comes back on every retry while Redis is away: the first time at warn, so the operator sees it, then
 * at debug, so that an outage does not flood the application's stderr.
 */
public final class RepeatedWarning {
    private boolean warned;

    public synchronized void log(String message) {
        if (warned) {
            Log.debug(message);
        } else {
            warned = true;
            Log.warn(message);
        }
    }
}
