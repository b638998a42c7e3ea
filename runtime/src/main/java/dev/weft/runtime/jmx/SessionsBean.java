package dev.weft.runtime.jmx;

import dev.weft.runtime.session.SessionCounters;

/** Reads {@link SessionCounters} for {@link SessionsMXBean}. */
public final class SessionsBean implements SessionsMXBean {
    private final SessionCounters counters;

    public SessionsBean(SessionCounters counters) {
        this.counters = counters;
    }

    @Override
    public long getActive() {
        return counters.active();
    }

    @Override
    public long getReads() {
        return counters.reads();
    }

    @Override
    public long getWrites() {
        return counters.writes();
    }

    @Override
    public long getBytesWritten() {
        return counters.bytesWritten();
    }

    @Override
    public long getRefusals() {
        return counters.refusals();
    }

    @Override
    public long getRedisErrors() {
        return counters.redisErrors();
    }

    @Override
    public long getCreated() {
        return counters.created();
    }

    @Override
    public long getInvalidated() {
        return counters.invalidated();
    }
}
