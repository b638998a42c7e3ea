package dev.weft.runtime.messaging;

import dev.weft.runtime.config.JdbcSettings;
import dev.weft.runtime.config.RedisSettings;
import dev.weft.runtime.instances.Instances;
import dev.weft.runtime.jdbc.ConnectionOpeners;
import dev.weft.runtime.jdbc.InboxTable;
import dev.weft.runtime.jdbc.MessageBarrierTable;
import dev.weft.runtime.jdbc.OutboxTable;
import dev.weft.runtime.log.Log;
import dev.weft.runtime.redis.RedisEndpoint;
import dev.weft.runtime.weave.Site;
import dev.weft.runtime.weave.WeaveRule;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@code messages:} at run time (docs/outbox.md): the publish rules with their outbox, relay and sweep, and the
 * consumer groups, each started once its method's class is loaded.
 */
public final class Messaging implements AutoCloseable {
    private final MessageSettings settings;
    private final RedisSettings redis;
    private final Supplier<List<ClassLoader>> loaders;
    private final StreamKeys keys;
    private final OutboxTable outbox;
    private final InboxTable inbox;
    private final Instances instances = new Instances();
    private final RedisEndpoint publishing;
    private final OutboxRelay relay;
    private final OutboxSweeper sweeper;
    private final DeadLetters deadLetters;
    private final PreparedMessages prepared;
    private final MessageBarrierTable messageBarrier;
    private final PreparedReleases releases;
    private final PreparedCheck check;
    private final Map<String, StreamMetrics> streams = new ConcurrentHashMap<>();
    private final Map<ConsumeRule, StreamConsumer> consumers = new ConcurrentHashMap<>();
    private final List<RedisEndpoint> consumerConnections = new CopyOnWriteArrayList<>();
    private final List<ConsumerInfo> consumerInfos = new CopyOnWriteArrayList<>();
    private final String consumerName = ManagementFactory.getRuntimeMXBean().getName() + "-"
            + UUID.randomUUID().toString().substring(0, 8);
    private final ScheduledExecutorService starter = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "weft-consumer-starter");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closed;

    /** A consumer group of this process, for JMX and {@code status}. */
    public record ConsumerInfo(ConsumeRule rule, ConsumerMetrics metrics) {
    }

    public Messaging(MessageSettings settings, JdbcSettings jdbc, RedisSettings redis, ConnectionOpeners openers,
                     Supplier<List<ClassLoader>> loaders) {
        this.settings = settings;
        this.redis = redis;
        this.loaders = loaders;
        this.keys = new StreamKeys(redis.keyPrefix());
        this.outbox = new OutboxTable(jdbc.createTable());
        this.inbox = new InboxTable(jdbc.createTable(), jdbc.retention(), System::currentTimeMillis);
        this.publishing = RedisEndpoint.of(redis);
        StreamPublisher publisher = new StreamPublisher(publishing, keys, settings.maxLen());
        this.relay = new OutboxRelay(publisher, outbox, openers, this::metrics);
        this.sweeper = new OutboxSweeper(publisher, outbox, openers, this::metrics);
        this.deadLetters = new DeadLetters(publishing, keys);
        this.prepared = new PreparedMessages(publishing, redis.keyPrefix(), settings.maxLen());
        this.messageBarrier = new MessageBarrierTable(jdbc.createTable());
        this.releases = new PreparedReleases(prepared, this::metrics);
        this.check = new PreparedCheck(settings.publish().stream()
                .filter(rule -> rule.mode() == PublishRule.Mode.PREPARED).toList(), prepared, messageBarrier, openers,
                this::metrics, instances, loaders, jdbc.retention(), redis.timeout());
        settings.publish().forEach(rule -> metrics(rule.stream()));
    }

    public List<WeaveRule> weaveRules() {
        return Stream.concat(settings.publish().stream().map(rule -> (WeaveRule) new PublishWeaveRule(rule, this)),
                settings.consume().stream().map(rule -> new ConsumeWeaveRule(rule, this, instances))).toList();
    }

    /**
     * Background work: the relay and the sweep of what earlier runs left in the outbox, and the check-back of prepared
     * messages.
     */
    public void start() {
        relay.start();
        if (settings.publish().stream().anyMatch(rule -> rule.mode() == PublishRule.Mode.OUTBOX)) {
            sweeper.start(); // else no weft_outbox to sweep: a consumer's or a prepared publisher's database has none
        }
        check.start();
    }

    /**
     * At exit: what was committed here is relayed, and the prepared messages released, before the JVM ends (a
     * process that exits right after its commits would otherwise leave them to the next instance's sweep and
     * check-back), within {@code within}.
     */
    public void stop(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        relay.drain(within);
        releases.drain(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }

    public void connect() {
        publishing.startConnecting();
    }

    public List<StreamMetrics> streams() {
        return List.copyOf(streams.values());
    }

    public List<ConsumerInfo> consumers() {
        return List.copyOf(consumerInfos);
    }

    /** Rows waiting in the outboxes this process knows, as of the last sweep. */
    public long outboxBacklog() {
        return sweeper.backlog();
    }

    public long oldestUnrelayedAgeMillis() {
        return sweeper.oldestAgeMillis();
    }

    /** Messages waiting in the dead-letter streams of the streams named in {@code messages:}; reads Redis. */
    public long deadLettersWaiting() {
        return namedStreams().mapToLong(deadLetters::count).sum();
    }

    /** The newest {@code perStream} dead letters of each stream named in {@code messages:}; reads Redis. */
    public List<DeadLetter> newestDeadLetters(int perStream) {
        return namedStreams().flatMap(stream -> deadLetters.newest(stream, perStream).stream()).toList();
    }

    private Stream<String> namedStreams() {
        return Stream.concat(settings.publish().stream().map(PublishRule::stream),
                settings.consume().stream().map(ConsumeRule::stream)).distinct();
    }

    Site publishSite(String method, PublishRule rule, MessageIds ids) {
        return rule.mode() == PublishRule.Mode.PREPARED
                ? new PreparedSite(method, rule, ids, prepared, messageBarrier, releases, check, metrics(rule.stream()))
                : new PublishSite(method, rule, ids, outbox, relay, metrics(rule.stream()));
    }

    /** Prepared messages of the streams named in {@code mode: prepared} rules, waiting in Redis; reads Redis. */
    public long preparedWaiting() {
        return settings.publish().stream().filter(rule -> rule.mode() == PublishRule.Mode.PREPARED)
                .map(PublishRule::stream).distinct().mapToLong(prepared::waiting).sum();
    }

    /**
     * The class of a consumer method is being woven: its group starts once the class can be found, which is right
     * after it is defined. Until then the messages wait in the stream, none of them counted as a failed attempt.
     */
    void consumerClassLoading(ConsumeRule rule, String typeName) {
        if (consumers.containsKey(rule) || closed) {
            return;
        }
        ApplicationMethod method = new ApplicationMethod(rule.method(), typeName, instances, loaders);
        starter.execute(() -> startWhenFound(rule, method));
    }

    private void startWhenFound(ConsumeRule rule, ApplicationMethod method) {
        if (method.resolve().isPresent()) {
            startConsumer(rule, method);
        } else if (!closed) {
            starter.schedule(() -> startWhenFound(rule, method), 200, TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void startConsumer(ConsumeRule rule, ApplicationMethod method) {
        if (consumers.containsKey(rule) || closed) {
            return;
        }
        ConsumerMetrics metrics = new ConsumerMetrics();
        RedisEndpoint connection = RedisEndpoint.of(redis);
        consumerConnections.add(connection);
        StreamConsumer consumer = new StreamConsumer(connection, keys,
                rule.stream(), rule.group(), consumerName, rule.concurrency(), rule.retry(),
                new ConsumerHandler(rule, method, inbox), metrics);
        consumers.put(rule, consumer);
        consumerInfos.add(new ConsumerInfo(rule, metrics));
        consumer.start();
        Log.info("consuming stream '" + rule.stream() + "' as group '" + rule.group() + "' with "
                + method.displayName() + " (" + rule.concurrency() + " at a time)");
    }

    private StreamMetrics metrics(String stream) {
        return streams.computeIfAbsent(stream, StreamMetrics::new);
    }

    @Override
    public synchronized void close() {
        closed = true;
        starter.shutdownNow();
        List<AutoCloseable> closing = new ArrayList<>(consumers.values());
        closing.addAll(consumerConnections);
        closing.add(relay);
        closing.add(sweeper);
        closing.add(check);
        closing.add(releases);
        for (AutoCloseable each : closing) {
            try {
                each.close();
            } catch (Exception e) {
                Log.debug("closing messaging: " + e);
            }
        }
        publishing.close();
    }
}
