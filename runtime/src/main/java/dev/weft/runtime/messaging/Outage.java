package dev.weft.runtime.messaging;

import dev.weft.runtime.log.Log;
import dev.weft.runtime.redis.RepeatedWarning;

/**
 * What a consumer says while Redis is away: a warning the first time, debug lines after it, and one line when Redis
 * answers again, so that the next outage warns afresh.
 */
final class Outage {
    private final String subject;
    private RepeatedWarning warning = new RepeatedWarning();
    private boolean ongoing;

    Outage(String subject) {
        this.subject = subject;
    }

    synchronized void failed(String message) {
        ongoing = true;
        warning.log(message);
    }

    synchronized void over() {
        if (ongoing) {
            ongoing = false;
            warning = new RepeatedWarning();
            Log.info(subject + " reaches Redis again");
        }
    }
}
