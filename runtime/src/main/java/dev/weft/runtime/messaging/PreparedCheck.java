package dev.weft.runtime.messaging;

import dev.weft.runtime.config.MethodSelector;
import dev.weft.runtime.instances.Instances;
import dev.weft.runtime.jdbc.ConnectionOpener;
import dev.weft.runtime.jdbc.ConnectionOpeners;
import dev.weft.runtime.jdbc.Database;
import dev.weft.runtime.jdbc.MessageBarrierTable;
import dev.weft.runtime.log.Log;
import dev.weft.runtime.redis.RepeatedWarning;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The check-back (docs/transactional-messages.md): every instance, every second, takes the prepared messages left
 * past their {@code checkAfter} (a crash, Redis down when the outcome was known) and resolves each one by its
 * transaction: in the database it ran in, by {@link MessageBarrierTable#decide}; with {@code checkBack:}, by asking
 * the application's method. A message whose transaction never began is discarded. A message this instance cannot
 * decide (it has no connection to that database, the database or the method fails) stays prepared, counted as a
 * check-back failure, and is tried again after its lease, by whichever instance takes it.
 */
final class PreparedCheck implements AutoCloseable {
    private static final Duration PAUSE = Duration.ofSeconds(1);
    private static final Duration CLEAN_UP_EVERY = Duration.ofHours(1);
    private static final int BATCH = 100;
    private static final String IN_DATABASE = "db:";
    private static final String BY_METHOD = "call:";

    private final List<PublishRule> rules;
    private final PreparedMessages prepared;
    private final MessageBarrierTable barrier;
    private final ConnectionOpeners openers;
    private final Function<String, StreamMetrics> metrics;
    private final Function<MethodSelector, ApplicationMethod> methods;
    private final Duration retention;
    private final int waitSeconds;
    private final Map<String, Long> cleanedUp = new ConcurrentHashMap<>();
    private final RepeatedWarning failing = new RepeatedWarning();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "weft-prepared-check");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param rules    the publish rules in mode: prepared
     * @param wait     how long a check-back waits for a transaction still holding its row, at least a second
     */
    PreparedCheck(List<PublishRule> rules, PreparedMessages prepared, MessageBarrierTable barrier,
                  ConnectionOpeners openers, Function<String, StreamMetrics> metrics, Instances instances,
                  Supplier<List<ClassLoader>> loaders, Duration retention, Duration wait) {
        this.rules = rules;
        this.prepared = prepared;
        this.barrier = barrier;
        this.openers = openers;
        this.metrics = metrics;
        Map<MethodSelector, ApplicationMethod> found = new ConcurrentHashMap<>();
        this.methods = selector -> found.computeIfAbsent(selector, s -> new ApplicationMethod(s,
                s.exactTypeName().orElseThrow(), instances, loaders));
        this.retention = retention;
        this.waitSeconds = (int) Math.max(1, wait.toSeconds());
    }

    /** How a message whose transaction runs in {@code database} is checked back. */
    static String inDatabase(Database database) {
        return IN_DATABASE + database.fingerprint();
    }

    /** How a message with {@code checkBack: selector} is checked back. */
    static String byMethod(MethodSelector selector) {
        return BY_METHOD + selector.text();
    }

    void start() {
        if (!rules.isEmpty()) {
            timer.scheduleWithFixedDelay(this::checkAll, PAUSE.toMillis(), PAUSE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** A transaction of a prepared message ran in {@code database}: its old barrier rows get cleaned up here. */
    void seen(Database database) {
        cleanedUp.putIfAbsent(database.fingerprint(), 0L);
    }

    private void checkAll() {
        try {
            for (PublishRule rule : rules) {
                for (PreparedMessages.Due due : prepared.claimDue(rule.stream(), rule.checkAfter(), BATCH)) {
                    resolve(due);
                }
            }
            cleanUp();
        } catch (RuntimeException e) {
            failing.log("the check-back of prepared messages failed (" + e.getMessage() + "); trying again in "
                    + PAUSE.toSeconds() + "s, the messages stay prepared meanwhile");
        }
    }

    private void resolve(PreparedMessages.Due due) {
        Message message = due.message();
        StreamMetrics stream = metrics.apply(message.stream());
        if (due.check().isEmpty()) {
            // its transaction had not begun when claimed; one beginning since is left for its next check-back
            count(stream, prepared.discardIfNeverBegun(message.stream(), message.id()), false);
            return;
        }
        Optional<Boolean> committed;
        try {
            committed = outcome(message, due.check().get());
        } catch (RuntimeException e) {
            committed = Optional.empty();
            Log.warn("could not check back prepared message \"" + message.id() + "\" of stream " + message.stream()
                    + " (" + e.getMessage() + "); it stays prepared and is checked again later");
        }
        if (committed.isEmpty()) {
            stream.countCheckBackFailure();
            return;
        }
        boolean released = committed.get() ? prepared.publish(message.stream(), message.id())
                : prepared.discard(message.stream(), message.id());
        count(stream, released, committed.get());
    }

    private static void count(StreamMetrics stream, boolean released, boolean published) {
        if (!released) {
            return;
        }
        stream.countCheckedBack();
        if (published) {
            stream.countRelayed(1);
        } else {
            stream.countDiscarded();
        }
    }

    /** Empty when it cannot be told now. */
    private Optional<Boolean> outcome(Message message, String check) {
        if (check.startsWith(BY_METHOD)) {
            return askTheApplication(message, MethodSelector.parse(check.substring(BY_METHOD.length())));
        }
        String fingerprint = check.substring(IN_DATABASE.length());
        Optional<ConnectionOpener> opener = openers.openerOf(fingerprint);
        if (opener.isEmpty()) {
            failing.log("prepared message \"" + message.id() + "\" of stream " + message.stream() + " is due for its"
                    + " check-back, but this instance has not opened its database yet; an instance that has will"
                    + " check it back (this one will once the application opens a connection to it)");
            return Optional.empty();
        }
        try (Connection connection = opener.get().open()) {
            connection.setAutoCommit(true);
            String outcome = barrier.decide(connection, opener.get().database(), message.stream(), message.id(),
                    waitSeconds);
            return Optional.of(outcome.equals(MessageBarrierTable.COMMITTED));
        } catch (SQLException e) {
            Log.warn("could not check back prepared message \"" + message.id() + "\" of stream " + message.stream()
                    + " in its database (" + e.getMessage() + "); it stays prepared and is checked again later");
            return Optional.empty();
        }
    }

    private Optional<Boolean> askTheApplication(Message message, MethodSelector selector) {
        ApplicationMethod method = methods.apply(selector);
        Optional<Method> resolved = method.resolve();
        if (resolved.isEmpty()) {
            failing.log("checkBack " + selector.text() + " is not found in this instance (its class is not loaded"
                    + " yet, or it has no method of that name with one String parameter); prepared message \""
                    + message.id() + "\" stays prepared until an instance can ask it");
            return Optional.empty();
        }
        try {
            Object answer = resolved.get().invoke(method.target(resolved.get()), message.id());
            return answer instanceof Boolean done ? Optional.of(done) : Optional.empty();
        } catch (InvocationTargetException e) {
            Log.warn("checkBack " + selector.text() + " threw for prepared message \"" + message.id() + "\" ("
                    + e.getCause() + "); it stays prepared and is checked again later");
            return Optional.empty();
        } catch (IllegalAccessException | IllegalArgumentException | IllegalStateException e) {
            Log.warn("could not call checkBack " + selector.text() + " for prepared message \"" + message.id()
                    + "\" (" + e.getMessage() + "); it stays prepared. Give it one String parameter and a boolean"
                    + " result");
            return Optional.empty();
        }
    }

    /** Once an hour per database: barrier rows older than jdbc.retention, long resolved. */
    private void cleanUp() {
        long now = System.currentTimeMillis();
        cleanedUp.forEach((fingerprint, last) -> {
            if (now - last < CLEAN_UP_EVERY.toMillis()) {
                return;
            }
            cleanedUp.put(fingerprint, now);
            openers.openerOf(fingerprint).ifPresent(opener -> {
                try (Connection connection = opener.open()) {
                    connection.setAutoCommit(true);
                    barrier.deleteOlderThan(connection, opener.database(), now - retention.toMillis());
                } catch (SQLException e) {
                    Log.debug("cleaning up weft_msg_barrier: " + e);
                }
            });
        });
    }

    /** At exit, after the releases: a check-back in progress is not waited for. */
    @Override
    public void close() {
        timer.shutdownNow();
    }
}
