package dev.weft.runtime.notification;

import dev.weft.runtime.instances.Instances;
import dev.weft.runtime.key.ResolvedKeyTemplate;
import dev.weft.runtime.key.WovenKeys;
import dev.weft.runtime.weave.MethodShape;
import dev.weft.runtime.weave.Site;
import dev.weft.runtime.weave.WeaveRule;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Best-effort notification (docs/notifications.md): the sites of the {@code notifications:} methods, their store, and
 * the background retries. Connects nothing until {@link #start}.
 */
public final class Notifications implements NotificationsView, AutoCloseable {
    /** Polling faster than this buys nothing; slower than a second would delay short schedules noticeably. */
    private static final long FASTEST_POLL_MILLIS = 50;
    private static final long SLOWEST_POLL_MILLIS = 1000;

    private final NotificationSettings settings;
    private final NotificationStore store;
    private final NotificationCounters counters = new NotificationCounters();
    private final Instances instances = new Instances();
    private final LongSupplier clock = System::currentTimeMillis;
    private final Outcomes outcomes;
    private final RunningAttempts running;
    private final Retries retries;

    public Notifications(NotificationSettings settings, NotificationStore store, Supplier<List<ClassLoader>> loaders) {
        this.settings = settings;
        this.store = store;
        this.outcomes = new Outcomes(store, counters, clock, () -> ThreadLocalRandom.current().nextDouble());
        this.running = new RunningAttempts(store);
        this.retries = new Retries(store, outcomes, running, counters, new MethodLocator(loaders), instances, clock,
                pollMillis(settings));
    }

    /** A quarter of the shortest pause, within bounds: a due call waits at most that long past its time. */
    private static long pollMillis(NotificationSettings settings) {
        long shortest = settings.rules().stream().flatMap(rule -> rule.schedule().stream())
                .mapToLong(Duration::toMillis).min().orElse(SLOWEST_POLL_MILLIS);
        return Math.max(FASTEST_POLL_MILLIS, Math.min(SLOWEST_POLL_MILLIS, shortest / 4));
    }

    public List<WeaveRule> weaveRules() {
        return settings.rules().stream().<WeaveRule>map(rule -> new NotificationWeaveRule(rule, this)).toList();
    }

    Site site(MethodRef method, NotificationRule rule, ResolvedKeyTemplate id, MethodShape shape) {
        return new NotificationSite(method, rule, new WovenKeys(id, shape), store, outcomes, running,
                counters);
    }

    Instances instances() {
        return instances;
    }

    /** Starts the background retries: calls left by earlier runs and other instances are picked up from now on. */
    public void start() {
        retries.start();
    }

    public String describeStore() {
        return store.describe();
    }

    @Override
    public long pending() {
        return store.pending();
    }

    @Override
    public long dead() {
        return store.dead();
    }

    @Override
    public long recorded() {
        return counters.recorded.get();
    }

    @Override
    public long succeeded() {
        return counters.succeeded.get();
    }

    @Override
    public long retried() {
        return counters.retried.get();
    }

    @Override
    public long deadLettered() {
        return counters.deadLettered.get();
    }

    @Override
    public List<DeadLetter> deadLetters() {
        return store.deadLetters();
    }

    @Override
    public boolean replay(String id) {
        return Replay.one(store, id, clock.getAsLong());
    }

    @Override
    public boolean discard(String id) {
        return store.discard(id);
    }

    /** At exit: see {@link Retries#stop}. */
    public void stop(Duration within) {
        retries.stop(within);
    }

    @Override
    public void close() {
        retries.close();
        store.close();
    }
}
