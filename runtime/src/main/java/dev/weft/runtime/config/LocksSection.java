package dev.weft.runtime.config;

import dev.weft.runtime.key.KeyTemplate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Reads {@code locks:}. */
final class LocksSection {
    private static final List<String> KEYS = List.of("method", "key", "lease", "wait", "onBusy", "mode", "onLost",
            "replicas");
    private static final int REDLOCK_MIN_NODES = 3;
    /** More replicas than anyone runs: a larger number is surely a typo. */
    private static final int MOST_REPLICAS = 100;

    private LocksSection() {
    }

    /** @param redis already read, because {@code mode: redlock} depends on {@code redis.nodes} */
    static List<LockRule> read(List<YamlNode> items, RedisSettings redis, TreeReader reader) {
        return items.stream()
                .flatMap(item -> reader.fields(item, "each entry of locks", "in a lock", KEYS).stream())
                .flatMap(lock -> rule(lock, redis, reader).stream())
                .toList();
    }

    private static Optional<LockRule> rule(Fields lock, RedisSettings redis, TreeReader reader) {
        Optional<MethodSelector> selector = lock.required("method", MethodSelector::parse,
                "add the method to lock, e.g. method: com.acme.OrderService#place(..)");
        Optional<KeyTemplate> key = lock.required("key", KeyTemplate::parse,
                "add the lock key, e.g. key: \"order:{0}\"");
        Duration lease = lock.optional("lease", LockRule.DEFAULT_LEASE, ValueParsers.positiveDuration());
        Duration wait = lock.optional("wait", LockRule.DEFAULT_WAIT, ValueParsers.duration());
        OnBusy onBusy = lock.optional("onBusy", OnBusy.THROW, ValueParsers.choice(OnBusy.class));
        LockMode mode = lock.optional("mode", LockMode.SINGLE, ValueParsers.choice(LockMode.class));
        OnLost onLost = lock.optional("onLost", OnLost.LOG, ValueParsers.choice(OnLost.class));
        int replicas = lock.optional("replicas", 0L, ValueParsers.wholeNumber(0, MOST_REPLICAS)).intValue();
        SourcePosition modePosition = lock.valuePosition("mode").orElse(lock.position());
        if (mode == LockMode.REDLOCK && replicas > 0) {
            reader.problem(lock.valuePosition("replicas").orElseThrow(), "replicas applies to mode: single; with"
                    + " mode: redlock the grant is safe through a majority of independent masters, not through"
                    + " replicas: remove replicas, or use mode: single");
        }
        if (mode == LockMode.REDLOCK && redis.nodes().size() < REDLOCK_MIN_NODES) {
            reader.problem(modePosition, "mode: redlock needs at least " + REDLOCK_MIN_NODES + " independent Redis"
                    + " masters in redis.nodes, found " + redis.nodes().size() + "; list them under redis.nodes,"
                    + " or use mode: single");
        }
        if (selector.isEmpty() || key.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LockRule(selector.get(), key.get(), lease, wait, onBusy, mode, lock.position(),
                lock.valuePosition("key").orElseThrow(), modePosition, onLost,
                replicas));
    }
}
