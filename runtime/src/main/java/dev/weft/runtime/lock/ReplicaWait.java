package dev.weft.runtime.lock;

import dev.weft.api.WeftBackendException;
import dev.weft.runtime.log.Log;
import dev.weft.runtime.redis.Durations;
import dev.weft.runtime.redis.RedisEndpoint;
import java.time.Duration;

/**
 * {@code locks[].replicas: N}: a grant from Redis counts only once N replicas of the master acknowledged it, asked with
 * Redis {@code WAIT N timeout} before the method runs. When fewer acknowledge in time, the grant is released and the
 * call fails closed with {@link WeftBackendException}. Renewals and hand-offs between threads of this JVM do not wait:
 * they keep a grant that was confirmed already.
 *
 * <p>{@code WAIT} counts the writes made on its own connection, so it goes on the connection that carries the lock's commands, on a cluster the one to the master of the lock key's
 * slot, after a renewal of the grant on it: a write that replication carries after the grant, whoever wrote that (this
 * owner's acquire, or the release of another JVM that handed the lock over). A lock with {@code replicas} therefore
 * costs two round trips more than one without.
 *
 * <p>{@code WAIT} holds its connection on the server (Redis answers the connection's later commands after it), and it
 * gives up after {@link #WAIT_SHARE} of {@code redis.timeout}, leaving the rest for its reply, which Lettuce awaits
 * no longer than {@code redis.timeout}.
 */
final class ReplicaWait {
    static final double WAIT_SHARE = 0.75;

    private final QuorumLock quorum;
    private final long waitMillis;

    ReplicaWait(QuorumLock quorum) {
        this.quorum = quorum;
        this.waitMillis = Math.max(1, (long) (quorum.timeout().toMillis() * WAIT_SHARE));
    }

    /**
     * Returns once {@code options.replicas()} replicas acknowledged the grant of {@code owner}; at once when none are
     * asked for.
     *
     * @throws WeftBackendException when fewer acknowledged in time, or Redis failed: the grant is released then
     */
    void confirm(String key, String owner, long token, LockOptions options) {
        int wanted = options.replicas();
        if (wanted == 0) {
            return;
        }
        if (quorum.nodes().size() != 1) {
            throw new IllegalStateException("replicas with mode: redlock; the config check should have refused this");
        }
        RedisEndpoint master = quorum.nodes().get(0);
        String lockKey = quorum.scripts().lockKey(key);
        String purpose = "wait for " + wanted + " replicas to acknowledge lock " + options.describe(key);
        long acknowledged;
        try {
            if (!master.call(purpose, redis -> quorum.scripts().renew(redis, key, owner, options.lease(), 0))) {
                throw new WeftBackendException("lock " + options.describe(key) + " expired before " + wanted
                        + " replicas could acknowledge it, so the method did not run; call again, or give the lock a"
                        + " longer lease", null);
            }
            acknowledged = master.callBeside(lockKey, purpose, redis -> redis.waitForReplication(wanted, waitMillis));
        } catch (WeftBackendException e) {
            release(master, key, owner, token, options);
            throw e;
        }
        if (acknowledged < wanted) {
            release(master, key, owner, token, options);
            throw new WeftBackendException("lock " + options.describe(key) + " was granted by Redis at "
                    + master.address() + ", but only " + acknowledged + " of the " + wanted + " replicas it asks for"
                    + " (replicas: " + wanted + ") acknowledged key " + lockKey + " within "
                    + Durations.text(Duration.ofMillis(waitMillis)) + " (Redis WAIT), so it was released and the"
                    + " method did not run; lower replicas for this lock in weft.yaml, or check the replication of"
                    + " that master (INFO replication: connected_slaves and their lag)", null);
        }
    }

    /**
     * Waits for the release, unlike a release after the method (docs/locks.md): this call fails, and the caller may
     * retry at once, so the lock is free when it throws, or the warning says when it will be.
     */
    private void release(RedisEndpoint master, String key, String owner, long token, LockOptions options) {
        String purpose = "release lock " + options.describe(key) + " that too few replicas acknowledged";
        try {
            master.await(quorum.release(key, owner, token, options.keepsToken(), purpose),
                    System.nanoTime() + quorum.timeout().toNanos(), purpose);
        } catch (WeftBackendException e) {
            Log.warn(e.getMessage() + "; the lock frees itself when its lease of " + Durations.text(options.lease())
                    + " runs out");
        }
    }
}
