package dev.weft.runtime.lock;

import dev.weft.runtime.redis.LuaScript;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The lock's Redis keys and channels, and its three scripts, each one round trip to one node (see the {@code .lua}
 * files beside this class; {@code lib.lua} is put in front of each).
 */
final class LockScripts {
    private static final LuaScript ACQUIRE = LuaScript.fromResources(LockScripts.class, "lib.lua", "acquire.lua");
    private static final LuaScript RELEASE = LuaScript.fromResources(LockScripts.class, "lib.lua", "release.lua");
    private static final LuaScript RENEW = LuaScript.fromResources(LockScripts.class, "lib.lua", "renew.lua");
    /** How long a free lock's record (its last token) is kept after its release; see {@code docs/locks.md}. */
    static final Duration RETENTION = Duration.ofDays(1);
    private static final String RETENTION_MILLIS = Long.toString(RETENTION.toMillis());

    private final String lockPrefix;
    private final String queuePrefix;
    private final String wakePrefix;
    /** '1' where a release hands the lock straight to the next waiter (one node); RedLock only wakes it. */
    private final String direct;

    LockScripts(String keyPrefix, boolean directHandOff) {
        // Every key of one lock carries the rendered key as its hash tag, so that a script's keys share one Redis
        // Cluster slot (docs/locks.md, "Keys").
        this.lockPrefix = keyPrefix + "lock:{";
        this.queuePrefix = keyPrefix + "lock-queue:{";
        this.wakePrefix = keyPrefix + "lock-wake:";
        this.direct = directHandOff ? "1" : "0";
    }

    /** The key of {@code lockKey}: {@code <keyPrefix>lock:{<key>}}, the hash with the owner and the last token. */
    String keyOf(String lockKey) {
        return lockKey.substring(lockPrefix.length(), lockKey.length() - 1);
    }

    /** The Redis key of lock {@code key} (without prefix): its hash tag decides its cluster slot. */
    String lockKey(String key) {
        return lockPrefix + key + '}';
    }

    /** The channel on which the JVM with this id hears that it was handed a lock, or should try again. */
    String wakeChannel(String jvm) {
        return wakePrefix + jvm;
    }

    /**
     * One node's answer to an acquire: a grant when {@code token > 0}.
     *
     * @param sentAtNanos when the call was handed to the connection: the node's lease began later than that
     */
    record Reply(long token, long ttlMillis, long sentAtNanos) {
        boolean granted() {
            return token > 0;
        }

        /** Until when the node surely keeps the grant, by this JVM's clock and before drift. */
        long heldUntilNanos() {
            return sentAtNanos + TimeUnit.MILLISECONDS.toNanos(ttlMillis);
        }
    }

    /** @param join whether to queue (or keep the place in the queue) when the lock is busy */
    CompletionStage<Reply> acquire(RedisClusterAsyncCommands<String, String> redis, String key, String owner, Duration lease,
                                   boolean join) {
        long sentAt = System.nanoTime();
        return ACQUIRE.<List<Object>>run(redis, ScriptOutputType.MULTI, keys(key), owner,
                        Long.toString(lease.toMillis()), join ? "1" : "0", direct, wakePrefix)
                .thenApply(reply -> new Reply((Long) reply.get(0), (Long) reply.get(1), sentAt));
    }

    /**
     * Ends the grant or the wait of {@code owner}: leaves the queue, frees the lock if owner holds it.
     *
     * @param floor a token that every node's record must reach (RedLock), 0 for none
     * @param keepToken keep the freed lock's record for {@link #RETENTION}, else delete it
     * @param keepPlace keep owner's place in the queue (it goes on waiting), else leave it
     * @return true when freed, false when the lock had expired or belongs to another owner
     */
    CompletionStage<Boolean> release(RedisClusterAsyncCommands<String, String> redis, String key, String owner, long floor,
                                     boolean keepToken, boolean keepPlace) {
        return RELEASE.<Long>run(redis, ScriptOutputType.INTEGER, keys(key), owner, keepToken ? RETENTION_MILLIS : "0",
                direct, wakePrefix, Long.toString(floor), keepPlace ? "1" : "0").thenApply(LockScripts::isOne);
    }

    /** @return true when extended, false when the key is gone or belongs to another owner */
    CompletionStage<Boolean> renew(RedisClusterAsyncCommands<String, String> redis, String key, String owner, Duration lease,
                                   long floor) {
        return RENEW.<Long>run(redis, ScriptOutputType.INTEGER, keys(key), owner, Long.toString(lease.toMillis()),
                Long.toString(floor), RETENTION_MILLIS).thenApply(LockScripts::isOne);
    }

    private String[] keys(String key) {
        return new String[] {lockKey(key), queuePrefix + key + '}'};
    }

    private static boolean isOne(Long reply) {
        return reply == 1L;
    }
}
