package dev.weft.runtime.lock;

import dev.weft.runtime.redis.LuaScript;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** The lock's Redis keys and its three scripts, each one round trip (see the {@code .lua} files beside this class). */
final class LockScripts {
    private static final LuaScript ACQUIRE = LuaScript.fromResource(LockScripts.class, "acquire.lua");
    private static final LuaScript RELEASE = LuaScript.fromResource(LockScripts.class, "release.lua");
    private static final LuaScript RENEW = LuaScript.fromResource(LockScripts.class, "renew.lua");
    /** How long a key's fence record outlives its last grant (plus the lease); see {@link LockService}. */
    static final Duration FENCE_RETENTION = Duration.ofDays(1);

    private final String lockPrefix;
    private final String fencePrefix;

    LockScripts(String keyPrefix) {
        this.lockPrefix = keyPrefix + "lock:";
        this.fencePrefix = keyPrefix + "lock-fence:";
    }

    /** {@code <keyPrefix>lock:<key>}; also the name of the channel its releases are announced on. */
    String lockKey(String key) {
        return lockPrefix + key;
    }

    /** @return see {@link #isGranted} and {@link #holderTtlNanos} */
    CompletionStage<Long> acquire(RedisAsyncCommands<String, String> redis, String key, String lockKey, String owner,
                                  Duration lease) {
        long leaseMillis = lease.toMillis();
        return ACQUIRE.run(redis, ScriptOutputType.INTEGER, new String[] {lockKey, fencePrefix + key},
                owner, Long.toString(leaseMillis), Long.toString(FENCE_RETENTION.toMillis() + leaseMillis));
    }

    /** A reply of {@link #acquire} that is a fencing token. */
    static boolean isGranted(long acquireReply) {
        return acquireReply > 0;
    }

    /** For a busy reply of {@link #acquire}: how long the holder's lease still runs, or forever when it has none. */
    static long holderTtlNanos(long acquireReply) {
        return acquireReply == 0 ? Long.MAX_VALUE : TimeUnit.MILLISECONDS.toNanos(-acquireReply);
    }

    /** @return true when deleted, false when the key had expired or belongs to another owner */
    CompletionStage<Boolean> release(RedisAsyncCommands<String, String> redis, String lockKey, String owner) {
        return RELEASE.<Long>run(redis, ScriptOutputType.INTEGER, new String[] {lockKey}, owner)
                .thenApply(LockScripts::isOne);
    }

    /** @return true when extended, false when the key is gone or belongs to another owner */
    CompletionStage<Boolean> renew(RedisAsyncCommands<String, String> redis, HeldLock lock) {
        return RENEW.<Long>run(redis, ScriptOutputType.INTEGER, new String[] {lock.redisKey()}, lock.owner(),
                Long.toString(lock.options().lease().toMillis())).thenApply(LockScripts::isOne);
    }

    private static boolean isOne(Long reply) {
        return reply == 1L;
    }
}
