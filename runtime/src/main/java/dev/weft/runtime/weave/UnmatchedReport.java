package dev.weft.runtime.weave;

import dev.weft.runtime.config.SourcePosition;
import dev.weft.runtime.log.Log;
import dev.weft.runtime.redis.Durations;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Warns once about every selector of the config that has woven no method: {@code warnUnmatchedAfter} after start-up,
 * or at exit when the JVM ends sooner (docs/configuration.md, "When a selector matches nothing"). Classes load lazily,
 * and those of a fat jar or a web application are not on the start-up class path, so no earlier moment can tell a
 * misspelt selector from a class not loaded yet. Until then, and after, JMX ({@code Agent.UnmatchedSelectors}) and
 * {@code weft status} list such selectors.
 */
public final class UnmatchedReport {
    private final WeaveStats stats;
    private final Duration after;
    /** Said already at start-up, more precisely (the class is there, the method is not): not repeated. */
    private final Set<SourcePosition> warnedAtStartup;
    private final AtomicBoolean reported = new AtomicBoolean();

    public UnmatchedReport(WeaveStats stats, Duration after, Set<SourcePosition> warnedAtStartup) {
        this.stats = stats;
        this.after = after;
        this.warnedAtStartup = Set.copyOf(warnedAtStartup);
    }

    /** Schedules the warning and registers it to run at exit instead, whichever comes first. */
    public void start() {
        Thread timer = new Thread(() -> {
            try {
                Thread.sleep(after.toMillis());
                report("in the " + Durations.text(after) + " since start-up; if its class loads later than that,"
                        + " this is fine, otherwise check the selector with java -jar weft-agent.jar check");
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }, "weft-unmatched-report");
        timer.setDaemon(true);
        timer.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> report("of any class loaded during this run; check it"
                + " with java -jar weft-agent.jar check"), "weft-unmatched-report-at-exit"));
    }

    private void report(String when) {
        if (!reported.compareAndSet(false, true)) {
            return;
        }
        for (SelectorStats selector : stats.unmatched()) {
            if (!warnedAtStartup.contains(selector.rule().position())) {
                Log.warn(selector.rule().position() + ": " + selector.rule().selector().text() + " matched no method "
                        + when);
            }
        }
    }
}
