package dev.weft.runtime.messaging;

import dev.weft.api.WeftBackendException;
import dev.weft.runtime.config.TransactionSettings;
import dev.weft.runtime.failure.CrashPoint;
import dev.weft.runtime.log.Log;
import dev.weft.runtime.redis.Durations;
import dev.weft.runtime.redis.RedisEndpoint;
import dev.weft.runtime.retry.Backoff;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.models.stream.ClaimedMessages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One consumer group's loop in this process: reads a stream as one named consumer of the group, hands each message to
 * a {@link MessageHandler}, and acknowledges it when the handler returned.
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li><b>At least once.</b> A message is acknowledged ({@code XACK}) only after its handler returned normally. A
 *   message whose handler is running when this process dies, or when {@link #close()} is called, stays pending in the
 *   group and is handled again by a consumer that claims it. Handlers must therefore tolerate a second delivery of a
 *   message they already handled (the inbox table does this for JDBC work); a message may also be handled twice if
 *   Redis fails between the handler's return and the acknowledgement.</li>
 *   <li><b>Every message the stream still holds.</b> The group is created ({@code XGROUP CREATE <key> <group> 0
 *   MKSTREAM}, an existing group is left alone) at the stream's <em>first</em> entry, not at its end ({@code $}), so
 *   that messages published before any consumer of the group ever ran are not lost. The price: a group added to a
 *   stream that already holds many entries starts by handling all of them. If Redis loses the group (restarted
 *   without persistence), it is created again the same way.</li>
 *   <li><b>Retries and dead letters.</b> A handler that throws has failed one attempt. The message is not
 *   acknowledged; it is tried again after {@code retry.initial * 2^(n-1)} (at most {@code retry.max}, with jitter)
 *   following the n-th failure. After {@code retry.maxAttempts} failed attempts it is appended to the stream
 *   {@code <stream>.dlq} with its fields {@code id}, {@code payload}, {@code createdAt} and {@code error} (the last
 *   exception's message), {@code attempts}, {@code group} and {@code entry} (its entry id in the original stream),
 *   then acknowledged. The dead-letter stream is not capped: dead letters are never trimmed away silently. Appending
 *   and acknowledging are two commands; a crash between them leaves a duplicate in the dead-letter stream.</li>
 *   <li><b>Attempts survive the consumer.</b> An attempt is a delivery: the group's delivery counter of the entry
 *   (as {@code XPENDING} shows it) is the attempt count, since every retry is preceded by an {@code XCLAIM} that counts
 *   one more delivery. So a consumer that claims an entry from a dead one knows how many attempts were made, and a
 *   message that kills its consumer every time (a crash, not an exception) is dead-lettered too, once it has been
 *   delivered more than {@code retry.maxAttempts} times, without being handled again.</li>
 *   <li><b>Consumers that died.</b> Every {@code minIdle / 3} each consumer runs {@code XAUTOCLAIM <key> <group>
 *   <itself> <minIdle> <cursor>} and handles what it took over: entries no consumer has touched for {@code minIdle}
 *   (30 seconds). A live consumer touches every entry it holds (queued, being handled, waiting for a retry) just as
 *   often ({@code XCLAIM ... JUSTID}, which counts no delivery), so a slow handler or a long retry pause does not make
 *   its entry look abandoned. A consumer cut off from Redis for longer than {@code minIdle} may lose its entries to
 *   another consumer and then both may handle one: still at least once.</li>
 *   <li><b>Order.</b> With {@code concurrency} 1 one thread handles the messages this consumer reads strictly in
 *   stream order: a failing message blocks the ones after it until it succeeds or is dead-lettered. This holds for the
 *   consumer, not for the group: several consumers in one group (several instances of the application) share the
 *   stream's entries between them, entries claimed from a dead consumer are handled when claimed, and an entry whose
 *   acknowledgement failed for want of Redis is handled again later. With {@code concurrency} N, N threads handle
 *   messages in no particular order; a message waiting for its retry holds no thread.</li>
 *   <li><b>Redis away.</b> The loop warns once, tries again after a pause growing from 50 ms to 1 s, says when Redis
 *   answers again, and never stops on its own. An entry whose acknowledgement, retry or dead-lettering failed for
 *   want of Redis stays pending and is claimed again after {@code minIdle}.</li>
 * </ul>
 *
 * <h2>Not guaranteed</h2>
 * <ul>
 *   <li>Exactly once: see above; deduplicate by {@link Message#id()}.</li>
 *   <li>Messages the stream no longer holds: {@code MAXLEN ~} trims the oldest entries whether or not every group
 *   acknowledged them, and an entry trimmed before it was handled is lost without a word: Redis does not return it
 *   (before Redis 7 its id also stays in the group's pending count until a retry of it finds it gone).</li>
 * </ul>
 *
 * <p>Threads, all daemons: {@code weft-consumer-<stream>-<group>-0} reads (waiting on the server, {@code BLOCK}, on a
 * connection of its own so that acknowledgements never wait behind it), claims and touches; {@code -1} to
 * {@code -N} run the handler. {@link #close()} stops them within about {@code redis.timeout}, does not interrupt a
 * running handler and does not acknowledge what it returns afterwards.
 */
public final class StreamConsumer implements AutoCloseable {
    static final Duration MIN_IDLE = Duration.ofSeconds(30);
    /** How long a read waits on the server for new entries; the loop claims and touches in between. */
    static final Duration READ_WAIT = Duration.ofMillis(500);
    private static final long OUTAGE_PAUSE_MIN_MILLIS = 50;
    private static final long OUTAGE_PAUSE_MAX_MILLIS = 1000;
    private static final long HOUSEKEEPING_MIN_MILLIS = 10;
    /** {@code -Dweft.messages.haltAt=handledBeforeAck}: the crash test's kill after the handler, before XACK. */
    private static final CrashPoint CRASH = CrashPoint.chosenBy("weft.messages.haltAt");

    private final RedisEndpoint redis;
    private final StreamGroup group;
    private final String stream;
    private final String threadPrefix;
    private final int concurrency;
    private final int maxAttempts;
    private final Backoff backoff;
    private final MessageHandler handler;
    private final ConsumerMetrics metrics;
    private final Duration minIdle;
    private final Duration readWait;
    private final long housekeepingNanos;
    private final Outage outage;

    private final DelayQueue<Delivery> work = new DelayQueue<>();
    /** Entries this consumer has been given and not yet let go of: queued, being handled, or waiting for a retry. */
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    /** Places for entries read but not yet started, so that the consumer does not read far ahead of its handlers. */
    private final Semaphore room;
    private final int batch;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final List<Thread> threads = new ArrayList<>();
    private boolean started;

    // Only the reading thread uses these.
    private boolean groupReady;
    private String claimCursor = StreamGroup.FIRST;
    private long nextHousekeeping = System.nanoTime();
    /** How many claim rounds have run, for tests to wait on. */
    private volatile long claimRounds;

    public StreamConsumer(RedisEndpoint redis, StreamKeys keys, String stream, String group, String consumerName,
                          int concurrency, TransactionSettings.Retry retry, MessageHandler handler,
                          ConsumerMetrics metrics) {
        this(redis, keys, stream, group, consumerName, concurrency, retry, handler, metrics, MIN_IDLE,
                READ_WAIT.compareTo(redis.timeout().dividedBy(2)) < 0 ? READ_WAIT : redis.timeout().dividedBy(2));
    }

    /**
     * @param minIdle  how long an entry must have been left untouched before a consumer claims it from another
     * @param readWait how long a read waits on the server for new entries; shorter than {@code redis.timeout}
     */
    StreamConsumer(RedisEndpoint redis, StreamKeys keys, String stream, String group, String consumerName,
                   int concurrency, TransactionSettings.Retry retry, MessageHandler handler, ConsumerMetrics metrics,
                   Duration minIdle, Duration readWait) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency is " + concurrency + " for " + describe(stream, group)
                    + "; give it at least 1");
        }
        if (retry.maxAttempts() < 1) {
            throw new IllegalArgumentException("retry.maxAttempts is " + retry.maxAttempts() + " for "
                    + describe(stream, group) + "; give it at least 1");
        }
        this.redis = redis;
        this.group = new StreamGroup(redis, keys, stream, group, consumerName);
        this.stream = stream;
        this.threadPrefix = "weft-consumer-" + stream + "-" + group + "-";
        this.concurrency = concurrency;
        this.maxAttempts = retry.maxAttempts();
        this.backoff = new Backoff(retry);
        this.handler = handler;
        this.metrics = metrics;
        this.minIdle = minIdle;
        this.readWait = readWait;
        this.housekeepingNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(HOUSEKEEPING_MIN_MILLIS, minIdle.toMillis() / 3));
        this.outage = new Outage(this.group.describe());
        this.batch = Math.max(10, 2 * concurrency);
        this.room = new Semaphore(batch);
    }

    /** Starts the threads; returns at once, without waiting for Redis. */
    public synchronized void start() {
        if (started || closing()) {
            throw new IllegalStateException(group.describe() + ": a consumer starts once; make a new one instead");
        }
        started = true;
        threads.add(daemon(0, this::read));
        for (int n = 1; n <= concurrency; n++) {
            threads.add(daemon(n, this::work));
        }
        threads.forEach(Thread::start);
    }

    @Override
    public void close() {
        closing.countDown();
        List<Thread> toJoin;
        synchronized (this) {
            toJoin = List.copyOf(threads);
        }
        long deadline = System.nanoTime() + redis.timeout().toNanos();
        for (Thread thread : toJoin) {
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (thread.isAlive()) {
                Log.debug(thread.getName() + " is still running a handler after close; its message stays pending");
            }
        }
    }

    long claimRounds() {
        return claimRounds;
    }

    private Thread daemon(int n, Runnable loop) {
        Thread thread = new Thread(loop, threadPrefix + n);
        thread.setDaemon(true);
        return thread;
    }

    private boolean closing() {
        return closing.getCount() == 0;
    }

    /** @return whether close() was called meanwhile */
    private boolean pause(long millis) {
        try {
            return closing.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            return closing(); // nobody interrupts these threads; were one to, this pause just ends early
        }
    }

    // ---- the reading thread

    private void read() {
        long outagePause = OUTAGE_PAUSE_MIN_MILLIS;
        while (!closing()) {
            try {
                readRound();
                outage.over();
                outagePause = OUTAGE_PAUSE_MIN_MILLIS;
            } catch (WeftBackendException e) {
                if (StreamGroup.replied(e, "NOGROUP")) {
                    groupReady = false;
                }
                outage.failed(e.getMessage() + "; " + group.describe() + " tries again");
                pause(outagePause);
                outagePause = Math.min(OUTAGE_PAUSE_MAX_MILLIS, outagePause * 2);
            } catch (RuntimeException e) {
                Log.error(group.describe() + " failed to read; this is a Weft bug: please report it with the output"
                        + " of log.level: debug", e);
                pause(OUTAGE_PAUSE_MAX_MILLIS);
            }
        }
    }

    /** Reads what there is room for, waiting up to {@link #readWait} for room and then for new entries. */
    private void readRound() {
        if (!groupReady) {
            group.create();
            groupReady = true;
        }
        if (System.nanoTime() - nextHousekeeping >= 0) {
            housekeeping();
            nextHousekeeping = System.nanoTime() + housekeepingNanos;
        }
        int places = room.drainPermits();
        if (places == 0) {
            try {
                if (!room.tryAcquire(readWait.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                return; // see pause()
            }
            places = 1 + room.drainPermits();
        }
        List<StreamMessage<String, String>> entries;
        try {
            entries = group.readNew(places, readWait);
        } catch (RuntimeException e) {
            room.release(places);
            throw e;
        }
        room.release(places - entries.size());
        entries.forEach(entry -> queue(Delivery.read(entry)));
    }

    private void housekeeping() {
        if (!held.isEmpty()) {
            group.touch(List.copyOf(held));
        }
        ClaimedMessages<String, String> claimed = group.claimIdle(minIdle, claimCursor, batch);
        claimCursor = claimed.getId();
        for (StreamMessage<String, String> entry : claimed.getMessages()) {
            if (entry != null && !held.contains(entry.getId())) {
                long deliveries = group.deliveries(entry.getId());
                if (deliveries > 0) {
                    queue(Delivery.claimed(entry, deliveries));
                }
            }
        }
        claimRounds++;
        metrics.pending(group.pending());
    }

    private void queue(Delivery delivery) {
        held.add(delivery.entryId);
        work.add(delivery);
    }

    // ---- the handling threads

    private void work() {
        while (!closing()) {
            Delivery next;
            try {
                next = work.poll(readWait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                continue; // see pause()
            }
            if (next != null) {
                if (next.takesRoom) {
                    room.release();
                }
                attend(next);
            }
        }
    }

    private void attend(Delivery first) {
        Delivery delivery = first;
        try {
            while (delivery != null && !closing()) {
                delivery = attempt(delivery);
            }
        } catch (WeftBackendException e) {
            held.remove(first.entryId);
            outage.failed(e.getMessage() + "; the entry stays pending in " + group.describe() + " and is claimed again"
                    + " after " + Durations.text(minIdle));
        } catch (RuntimeException e) {
            held.remove(first.entryId);
            Log.error(group.describe() + " failed on entry " + first.entryId + ", which stays pending; this is a Weft"
                    + " bug: please report it with the output of log.level: debug", e);
        }
    }

    /** @return the entry to attempt again on this thread, after its pause; null when done with it for now */
    private Delivery attempt(Delivery queued) {
        Delivery delivery = queued;
        if (delivery.redeliverFirst) {
            List<StreamMessage<String, String>> again = group.redeliver(delivery.entryId);
            if (again.isEmpty()) {
                // Acknowledged by a consumer that took it over meanwhile, or trimmed away: either way nothing to
                // handle, and acknowledging clears what Redis before 7 leaves of a trimmed entry in the group.
                finish(delivery, group::ack);
                return null;
            }
            delivery = delivery.redelivered(again.get(0).getBody());
        }
        if (delivery.deliveries > maxAttempts) {
            deadLetter(delivery, "delivered " + delivery.deliveries + " times and never acknowledged: the consumers"
                    + " handling it died or lost Redis", delivery.deliveries - 1);
            return null;
        }
        Message message;
        try {
            message = StreamFields.message(stream, delivery.fields);
        } catch (IllegalArgumentException e) {
            deadLetter(delivery, e.getMessage(), 0);
            return null;
        }
        Throwable failure = handle(message);
        if (closing()) {
            return null; // not acknowledged: it stays pending, to be claimed
        }
        if (failure == null) {
            CRASH.reached("handledBeforeAck");
            finish(delivery, group::ack);
            metrics.countConsumed();
            return null;
        }
        String error = failure.getMessage() != null ? failure.getMessage() : failure.getClass().getName();
        if (delivery.deliveries >= maxAttempts) {
            deadLetter(delivery, error, delivery.deliveries);
            return null;
        }
        metrics.countRetried();
        long pause = backoff.pauseMillis((int) Math.min(delivery.deliveries, Integer.MAX_VALUE));
        String line = "handling message \"" + message.id() + "\" in " + group.describe() + " failed (attempt "
                + delivery.deliveries + " of " + maxAttempts + "): " + failure + "; trying again in " + pause + "ms";
        if (delivery.deliveries == 1) {
            Log.warn(line);
        } else {
            Log.debug(line);
        }
        Delivery retry = delivery.retryIn(pause);
        if (concurrency > 1) {
            work.add(retry);
            return null;
        }
        return pause(pause) ? null : retry;
    }

    private Throwable handle(Message message) {
        try {
            handler.handle(message);
            return null;
        } catch (Throwable failure) { // an Error in the handler fails this attempt; it must not end the loop
            return failure;
        }
    }

    private void deadLetter(Delivery delivery, String error, long attempts) {
        finish(delivery, entryId -> group.deadLetter(entryId, delivery.fields, error, attempts));
        metrics.countDeadLettered();
        Log.warn("entry " + delivery.entryId + " (message \"" + delivery.fields.get(StreamFields.ID) + "\") of stream "
                + stream + " moved to stream " + StreamKeys.deadLetters(stream) + " by " + group.describe() + " after "
                + attempts + " failed attempt(s): " + error);
    }

    private void finish(Delivery delivery, Consumer<String> lastStep) {
        lastStep.accept(delivery.entryId);
        held.remove(delivery.entryId);
    }

    private static String describe(String stream, String group) {
        return "consumer group \"" + group + "\" of stream " + stream;
    }
}
