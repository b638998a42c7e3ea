package dev.weft.runtime.weave;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** What the weaver did, per rule, for JMX and for the "selector matched nothing" report. */
public final class WeaveStats {
    private final Map<WeaveRule, LongAdder> wovenMethods = new ConcurrentHashMap<>();
    private final LongAdder rejectedMethods = new LongAdder();
    private final LongAdder failedTypes = new LongAdder();

    void woven(WeaveRule rule) {
        wovenMethods.computeIfAbsent(rule, r -> new LongAdder()).increment();
    }

    void rejected() {
        rejectedMethods.increment();
    }

    void failed() {
        failedTypes.increment();
    }

    public long wovenMethods(WeaveRule rule) {
        LongAdder count = wovenMethods.get(rule);
        return count == null ? 0 : count.sum();
    }

    public long wovenMethods() {
        return wovenMethods.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public long rejectedMethods() {
        return rejectedMethods.sum();
    }

    public long failedTypes() {
        return failedTypes.sum();
    }
}
