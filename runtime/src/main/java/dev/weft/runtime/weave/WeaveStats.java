package dev.weft.runtime.weave;

import dev.weft.runtime.log.Log;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/** What the weaver did, per selector in config order, for JMX and for the "selector matched nothing" report. */
public final class WeaveStats {
    private final Map<RuleCheck, SelectorStats> byRule = new ConcurrentHashMap<>();
    private final List<SelectorStats> selectors = new CopyOnWriteArrayList<>();
    private final LongAdder rejectedMethods = new LongAdder();
    private final LongAdder failedTypes = new LongAdder();

    /** Starts counting for {@code rule}, so that a selector that never weaves anything is listed too. */
    SelectorStats track(RuleCheck rule) {
        return byRule.computeIfAbsent(rule, r -> {
            SelectorStats stats = new SelectorStats(r);
            selectors.add(stats);
            return stats;
        });
    }

    void rejected() {
        rejectedMethods.increment();
    }

    /** A type Weft meant to weave but could not is never quiet: it is an error in the log and in the counts. */
    void failed(String typeName, Throwable error) {
        failedTypes.increment();
        Log.error("could not weave " + typeName + "; its configured methods run WITHOUT Weft. Report this with the"
                + " stack trace (log.level: debug)", error);
    }

    /** Already loaded classes could not be retransformed; the caller says which. */
    void failed() {
        failedTypes.increment();
    }

    public List<SelectorStats> selectors() {
        return List.copyOf(selectors);
    }

    /**
     * Selectors of weft.yaml that have woven no method so far; classes load lazily, so one may still match later.
     * Weft's own hooks are left out (see {@link RuleCheck#fromConfig}).
     */
    public List<SelectorStats> unmatched() {
        return selectors.stream().filter(s -> s.wovenMethods() == 0 && s.rule().fromConfig()).toList();
    }

    public long wovenMethods() {
        return selectors.stream().mapToLong(SelectorStats::wovenMethods).sum();
    }

    public long rejectedMethods() {
        return rejectedMethods.sum();
    }

    public long failedTypes() {
        return failedTypes.sum();
    }
}
