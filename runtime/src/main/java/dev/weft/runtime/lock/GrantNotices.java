package dev.weft.runtime.lock;

import dev.weft.runtime.redis.RedisEndpoint;
import dev.weft.runtime.redis.RepeatedWarning;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What releases in any JVM tell this JVM's waiting acquisitions.
 *
 * <p>Each JVM listens on one channel of its own ({@link LockScripts#wakeChannel}), subscribed on each node in the
 * background from its first busy answer on (not at start-up, where the connection would compete with the first
 * calls for the CPU) and kept for its lifetime (Lettuce subscribes again after a reconnect), so no wait ever waits
 * for a SUBSCRIBE. A release publishes only to the JVM of the next waiter: with one node the message says the lock is now
 * its own ({@code owner token lease key}); with RedLock it says try again ({@code owner}).
 *
 * <p>A hand-off for an owner no longer waiting here (it gave up meanwhile) is released at once, so it stalls nobody;
 * one for an owner that holds the lock already (its own attempt found the hand-off first) is a late copy, ignored.
 * A lost message costs time, never safety: a waiter tries again after a third of its lease at the latest, and finds
 * the lock its own.
 */
final class GrantNotices extends RedisPubSubAdapter<String, String> {
    private final QuorumLock quorum;
    private final String channel;
    private final Map<String, Acquisition> waiting = new ConcurrentHashMap<>();
    /**
     * Owners holding their grant in Redis now. An attempt can find the lock already handed to it (acquire.lua) before
     * the hand-off's notice is read here; that late notice must not be taken for one nobody waits for, whose lock is
     * released: it would free the lock its owner holds.
     */
    private final Set<String> holding = ConcurrentHashMap.newKeySet();
    private final Map<RedisEndpoint, CompletableFuture<Void>> subscriptions = new HashMap<>();
    private volatile boolean subscribed;
    private final RepeatedWarning noNotices = new RepeatedWarning();

    GrantNotices(QuorumLock quorum, String jvm) {
        this.quorum = quorum;
        this.channel = quorum.scripts().wakeChannel(jvm);
        quorum.nodes().forEach(node -> node.addPubSubListener(this));
    }

    void expect(Acquisition acquisition) {
        waiting.put(acquisition.owner(), acquisition);
    }

    void forget(Acquisition acquisition) {
        waiting.remove(acquisition.owner(), acquisition);
    }

    /** The acquisition holds its grant: a notice of it that comes now is a late copy. */
    void granted(Acquisition acquisition) {
        holding.add(acquisition.owner()); // before it stops waiting, so that a notice always finds it in one of them
        forget(acquisition);
    }

    /** The grant of {@code owner} was released in Redis (or it expired): a notice for it is one nobody waits for. */
    void released(String owner) {
        holding.remove(owner);
    }

    /** True once every node confirmed the subscription. */
    boolean subscribed() {
        return subscribed;
    }

    /**
     * Subscribes on the nodes where that is not done or failed, and returns at once; called whenever a waiter finds
     * it not done. Once every node has confirmed, the waiting acquisitions
     * are woken to try again, since a hand-off published before that was not heard; failing only costs wake-ups.
     */
    void startSubscribing(String purpose) {
        List<CompletableFuture<Void>> all = new ArrayList<>();
        synchronized (this) {
            boolean started = false;
            for (RedisEndpoint node : quorum.nodes()) {
                CompletableFuture<Void> known = subscriptions.get(node);
                if (known == null || known.isCompletedExceptionally()) {
                    known = subscribe(node, purpose);
                    subscriptions.put(node, known);
                    started = true;
                }
                all.add(known);
            }
            if (!started) {
                return; // done, or under way: its completion wakes the waiters
            }
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenRun(() -> {
            subscribed = true;
            wakeAll();
        });
    }

    @Override
    public void message(String channel, String message) {
        String[] parts = message.split(" ", 4);
        Acquisition acquisition = waiting.get(parts[0]);
        if (parts.length < 4) {
            if (acquisition != null) {
                acquisition.wake();
            }
            return;
        }
        String key = quorum.scripts().keyOf(parts[3]);
        if (acquisition != null && acquisition.key().equals(key)) {
            acquisition.handed(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
        } else if (!holding.contains(parts[0])) {
            quorum.leave(key, parts[0]);
        }
    }

    /** Wakes every waiting acquisition, so that nobody sleeps through a shutdown. */
    void wakeAll() {
        waiting.values().forEach(Acquisition::wake);
    }

    /** Within {@code redis.timeout}, so that a subscription that hangs is tried again rather than waited for. */
    private CompletableFuture<Void> subscribe(RedisEndpoint node, String purpose) {
        return node.pubSubConnecting()
                .thenCompose(connection -> connection.async().subscribe(channel).toCompletableFuture())
                .orTimeout(quorum.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((done, failure) -> {
                    if (failure != null) {
                        warnNoNotices(node, purpose, failure);
                    }
                });
    }

    private void warnNoNotices(RedisEndpoint node, String purpose, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        noNotices.log(purpose + ": subscribing to lock notices on " + node.address() + " failed (" + cause
                + "); until this works, a waiter there wakes only when the holder's lease runs out or after a third"
                + " of its own lease");
    }
}
