package dev.weft.runtime.lock;

import dev.weft.api.WeftBackendException;
import dev.weft.runtime.redis.Durations;
import dev.weft.runtime.redis.RedisDeployment;
import dev.weft.runtime.redis.RedisEndpoint;
import dev.weft.runtime.redis.Replies;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Recipe: a lease on a key granted by a majority of {@code n} independent Redis masters, the Redlock algorithm.
 * {@code mode: single} is the same code with {@code n = 1}.
 *
 * <p><b>Acquire.</b> The acquire script goes to every node at once. The lock is granted when at least
 * {@code n/2+1} nodes granted it and time is left: validity = lease - elapsed - drift, that is the earliest, over the
 * granting nodes, of (when the request to that node was sent + the lease it reported) - drift, drift being 1% of the
 * lease + 2 ms, all measured with {@link System#nanoTime()} (monotonic, so a wall-clock step changes nothing). The answer comes as soon as a majority granted, or can no
 * longer grant: a stopped node delays nothing. After a failed attempt that any node may have granted (a split vote,
 * no time left, a node that did not answer), the lock is released on every node, in the background, keeping the
 * owner's places in the nodes' queues (it goes on waiting). The token of a
 * grant is the largest token of the majority.
 *
 * <p><b>Renew and release</b> go to every node too; a renewal counts only when a majority renewed before the current
 * validity ran out, and it moves the validity to (time sent + lease - drift). Both carry the grant's token, so every
 * node that answers raises its record of the key's last token to it.
 *
 * <p><b>Guaranteed</b>, with {@code n >= 3}: no two holders at once while fewer than half of the nodes lose the lock
 * (crash and restart empty within the lease, or fail over to a replica that missed it), and while the nodes' clocks
 * run at about the same rate (they measure each lease by their own clock); a holder knows when its validity has
 * passed by its own monotonic clock. {@code n = 1}: no two holders while that one Redis keeps the key. A node that
 * is down or stopped only removes its vote; when more than {@code n - (n/2+1)} nodes fail, every call fails within
 * {@code redis.timeout} with {@link WeftBackendException}, never granting without a majority.
 *
 * <p><b>Not guaranteed:</b> safety across a process pause of the holder longer than its validity (no lease-based
 * lock can do that: use the fencing token); with more than one node, that tokens of different grants increase when
 * the nodes' wall clocks differ by more than the lease and the holder crashed before its first renewal (see
 * {@code docs/redlock.md}); safety with fewer than three independent masters in {@code redis.nodes}.
 */
final class QuorumLock implements AutoCloseable {
    private final List<RedisEndpoint> nodes;
    private final int quorum;
    private final LockScripts scripts;
    private final Duration timeout;
    /** Lettuce keeps a connection once made, reconnecting by itself: after the first, calls go straight out. */
    private volatile boolean connectedOnce;

    QuorumLock(List<RedisDeployment> deployments, Duration timeout, String keyPrefix) {
        this.nodes = deployments.stream().map(deployment -> new RedisEndpoint(deployment, timeout)).toList();
        this.quorum = nodes.size() / 2 + 1;
        this.scripts = new LockScripts(keyPrefix, nodes.size() == 1);
        this.timeout = timeout;
    }

    /** The outcome of one attempt: a grant when {@code token > 0}. */
    record Attempt(long token, long validUntilNanos, long holderTtlNanos, boolean split) {
        boolean granted() {
            return token > 0;
        }
    }

    List<RedisEndpoint> nodes() {
        return nodes;
    }

    LockScripts scripts() {
        return scripts;
    }

    Duration timeout() {
        return timeout;
    }

    /** Begins connecting to every node in the background. */
    void startConnecting() {
        nodes.forEach(RedisEndpoint::startConnecting);
    }

    /** Whether every node has been connected once. */
    boolean connectedOnce() {
        return connectedOnce;
    }

    /**
     * Until every node has been connected once: waits for the connections (a cold JVM's first call). With one node
     * a connection that cannot be made fails the call, after trying again within {@code wait} while attempts time
     * out ({@link RedisEndpoint#awaitConnected}); with several, a node that cannot be reached at the first attempt
     * only loses its vote, as in {@link #acquire}.
     *
     * @return when the call's {@code wait} starts ({@link System#nanoTime()})
     * @throws WeftBackendException when the one node cannot be reached
     */
    long awaitFirstConnections(String purpose, Duration wait) {
        if (nodes.size() == 1) {
            long waitStarts = nodes.get(0).awaitConnected(purpose, wait);
            connectedOnce = true;
            return waitStarts;
        }
        boolean all = true;
        for (RedisEndpoint node : nodes) {
            try {
                node.awaitConnected(purpose, Duration.ZERO);
            } catch (WeftBackendException e) {
                all = false;
            }
        }
        connectedOnce = all;
        return System.nanoTime();
    }

    /** What a lease of {@code lease} loses to clock drift: 1% + 2 ms, as the Redlock algorithm has it. */
    static long driftNanos(Duration lease) {
        return lease.toNanos() / 100 + TimeUnit.MILLISECONDS.toNanos(2);
    }

    /**
     * One attempt on every node, within {@code redis.timeout}.
     *
     * @param join whether a busy lock queues this owner (or keeps its place) for a wake-up
     * @throws WeftBackendException when too few nodes answered for a majority
     */
    Attempt acquire(String key, String owner, Duration lease, boolean join, String purpose) {
        Fanout<LockScripts.Reply> fanout = Fanout.send(nodes, redis -> scripts.acquire(redis, key, owner, lease, join));
        await(fanout.decided(settled(LockScripts.Reply::granted)));
        // One snapshot for every decision below: replies keep coming in meanwhile.
        List<LockScripts.Reply> replies = fanout.replies();
        int granted = (int) replies.stream().filter(LockScripts.Reply::granted).count();
        long validUntil = replies.stream().filter(LockScripts.Reply::granted)
                .mapToLong(LockScripts.Reply::heldUntilNanos).min().orElse(0) - driftNanos(lease);
        if (granted >= quorum && validUntil - System.nanoTime() > 0) {
            return new Attempt(replies.stream().mapToLong(LockScripts.Reply::token).max().orElseThrow(), validUntil, 0,
                    false);
        }
        int unknown = nodes.size() - replies.size();
        if (granted > 0 || unknown > 0) {
            // The attempt is decided once a majority said busy, often before the last node answered. Freeing what it
            // may have been granted must not take it out of the queues of the nodes that said busy: it goes on
            // waiting, and only a release there wakes it before its retry at a third of its lease.
            dropGrants(key, owner);
        }
        if (unknown > nodes.size() - quorum) {
            throw failure(fanout, purpose);
        }
        long holderTtl = replies.stream().filter(reply -> !reply.granted() && reply.ttlMillis() > 0)
                .mapToLong(reply -> TimeUnit.MILLISECONDS.toNanos(reply.ttlMillis())).min().orElse(Long.MAX_VALUE);
        return new Attempt(0, 0, holderTtl, granted > 0);
    }

    /**
     * Frees the lock of {@code owner} on every node, without waiting: each node's connection runs its commands in
     * order, so an acquire this JVM sends afterwards reaches every node after the release.
     *
     * @return completes within about {@code redis.timeout}: true when a majority freed it; false when it had expired
     *     or been taken (lost); failed with {@link WeftBackendException} when too few nodes answered to know
     */
    CompletableFuture<Boolean> release(String key, String owner, long token, boolean keepToken, String purpose) {
        Fanout<Boolean> fanout = Fanout.send(nodes, redis -> scripts.release(redis, key, owner, floor(token),
                keepToken, false));
        return fanout.decided(settled(Boolean::booleanValue)).thenApply(decided -> {
            List<Boolean> replies = decided.replies();
            if (replies.stream().filter(Boolean::booleanValue).count() >= quorum) {
                return true;
            }
            if (nodes.size() - replies.size() > nodes.size() - quorum) {
                throw failure(decided, purpose);
            }
            return false;
        });
    }

    /** Leaves the queue and frees whatever {@code owner} may hold, on every node, without waiting for replies. */
    void leave(String key, String owner) {
        Fanout.send(nodes, redis -> scripts.release(redis, key, owner, 0, true, false));
    }

    /**
     * Frees whatever a failed attempt of {@code owner} may hold, on every node, without waiting for replies; its
     * places in the queues stay, since it goes on waiting (a waiter that gives up {@link #leave}s).
     */
    private void dropGrants(String key, String owner) {
        Fanout.send(nodes, redis -> scripts.release(redis, key, owner, 0, true, true));
    }

    /** Extends the lease on every node; the outcome is known once a majority renewed, or no longer can. */
    CompletableFuture<Fanout<Boolean>> renew(String key, String owner, Duration lease, long token) {
        Fanout<Boolean> fanout = Fanout.send(nodes, redis -> scripts.renew(redis, key, owner, lease, floor(token)));
        return fanout.decided(settled(Boolean::booleanValue));
    }

    /** One node's record already holds the token it granted; several must learn the majority's largest. */
    private long floor(long token) {
        return nodes.size() == 1 ? 0 : token;
    }

    /** A renewal that a majority confirmed. */
    boolean isMajority(int confirmed) {
        return confirmed >= quorum;
    }

    /** Too many nodes said no (not failed: said no) for a majority ever to say yes. */
    boolean isRefused(Fanout<Boolean> fanout) {
        return fanout.count(yes -> !yes) > nodes.size() - quorum;
    }

    @Override
    public void close() {
        nodes.forEach(RedisEndpoint::close);
    }

    /** Enough replies to know: a majority said yes, or so many said no or failed that a majority cannot. */
    private <T> Predicate<Fanout<T>> settled(Predicate<T> yes) {
        return fanout -> {
            int yeses = fanout.count(yes);
            return yeses >= quorum || fanout.answered() - yeses > nodes.size() - quorum;
        };
    }

    /** Counted from after the sends: loading the client on first use is local work, not Redis being slow. */
    private void await(CompletableFuture<?> decided) {
        try {
            Replies.await(decided, System.nanoTime() + timeout.toNanos());
        } catch (ExecutionException | TimeoutException stopOrSlowNodes) {
            // Decided with what came in time: a node that did not answer counts as a failure.
        }
    }

    private WeftBackendException failure(Fanout<?> fanout, String purpose) {
        WeftBackendException first = fanout.firstFailure(purpose);
        if (nodes.size() == 1) {
            return first != null ? first : nodes.get(0).failure(purpose, new TimeoutException());
        }
        int failed = fanout.failed();
        return new WeftBackendException(failed + " of " + nodes.size() + " Redis nodes in redis.nodes failed"
                + (failed > nodes.size() - quorum ? "" : ", and others did not answer within " + Durations.text(timeout)
                + ",") + " to " + purpose + "; a majority of " + quorum + " must answer"
                + (first == null ? "" : "; first problem: " + first.getMessage()), first);
    }

}
