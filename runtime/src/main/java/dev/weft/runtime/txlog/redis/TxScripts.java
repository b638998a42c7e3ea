package dev.weft.runtime.txlog.redis;

import dev.weft.runtime.redis.LuaScript;
import dev.weft.runtime.txlog.BranchState;
import dev.weft.runtime.txlog.Carried;
import dev.weft.runtime.txlog.LogRecord;
import dev.weft.runtime.txlog.Phase;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.ZAddArgs;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The log's operations on Redis, each one round trip: a Lua script (the {@code .lua} files beside this class) for
 * anything that reads before it writes, so that every compare-and-set is atomic.
 */
final class TxScripts {
    private static final LuaScript BEGIN = script("create.lua", "begin.lua");
    private static final LuaScript REGISTER = script("create.lua", "states.lua", "register.lua");
    private static final LuaScript BRANCH_STATE = script("states.lua", "branch_state.lua");
    private static final LuaScript DECIDE = script("lib.lua", "states.lua", "snapshot.lua", "owner.lua", "decide.lua");
    private static final LuaScript CLAIM = script("claim.lua");
    private static final LuaScript UNCLAIM = script("unclaim.lua");
    private static final LuaScript ATTEMPT = script("attempt.lua");
    private static final LuaScript FAIL = script("fail.lua");
    private static final LuaScript RETRY = script("lib.lua", "retry.lua");
    private static final LuaScript FORGET = script("forget.lua");
    private static final LuaScript FINISH = script("states.lua", "owner.lua", "finish.lua");
    private static final LuaScript TAKE_OWNER = script("owner.lua", "owner_take.lua");
    private static final LuaScript RENEW_OWNER = script("owner_renew.lua");
    private static final LuaScript FREE_OWNER = script("owner.lua", "owner_free.lua");
    private static final LuaScript LOAD = script("snapshot.lua", "load.lua");
    private static final LuaScript MEMBERS = script("members.lua");

    private final TxKeys keys;

    TxScripts(TxKeys keys) {
        this.keys = keys;
    }

    /** A due transaction claimed by {@link #claim}, with its due time before the claim. */
    record Claimed(String xid, long dueBefore) {
    }

    /** A registered branch's id; or -1 and the phase that refused it (null when the transaction is missing). */
    record Registration(int branchId, Phase phase) {
    }

    CompletionStage<Boolean> begin(RedisClusterAsyncCommands<String, String> redis, String xid, String origin, long startedAt,
                                   long deadline) {
        return BEGIN.<Long>run(redis, ScriptOutputType.INTEGER, new String[] {keys.transaction(xid), keys.dueOf(xid)},
                xid, origin, Long.toString(startedAt), Long.toString(deadline)).thenApply(TxScripts::isOne);
    }

    CompletionStage<Registration> register(RedisClusterAsyncCommands<String, String> redis, String xid, String record,
                                           Carried carried) {
        LogRecord.Begin begin = carried.begin();
        List<String> args = new ArrayList<>(List.of(record, xid, begin == null ? "" : begin.origin(),
                begin == null ? "" : Long.toString(begin.startedAt()),
                begin == null ? "" : Long.toString(begin.deadline())));
        addIds(args, carried.returned());
        return REGISTER.<List<Object>>run(redis, ScriptOutputType.MULTI,
                        new String[] {keys.transaction(xid), keys.branches(xid), keys.dueOf(xid)},
                        args.toArray(String[]::new))
                .thenApply(reply -> new Registration(((Long) reply.get(0)).intValue(), phase((String) reply.get(1))));
    }

    /** @param onlyWhileTrying change the state only while the transaction is undecided */
    CompletionStage<Boolean> branchState(RedisClusterAsyncCommands<String, String> redis, String xid, int branchId,
                                         BranchState state, boolean onlyWhileTrying) {
        return BRANCH_STATE.<Long>run(redis, ScriptOutputType.INTEGER, txAndBranches(xid), Integer.toString(branchId),
                state.name(), onlyWhileTrying ? "1" : "0").thenApply(TxScripts::isOne);
    }

    /**
     * The decision, and the owner lock for {@code owner} in the same step (when the transaction is in the log).
     *
     * @param owner null to take no owner lock
     * @return the raw snapshot after the call, as {@link #load} returns it, and whether {@code owner} holds the lock
     */
    CompletionStage<Decided> decide(RedisClusterAsyncCommands<String, String> redis, String xid, Phase decision,
                                    List<Integer> returned, String owner, Duration lease) {
        List<String> args = new ArrayList<>(List.of(xid, decision.name(), owner == null ? "" : owner, millis(lease)));
        addIds(args, returned);
        return DECIDE.<List<Object>>run(redis, ScriptOutputType.MULTI, new String[] {keys.transaction(xid),
                        keys.branches(xid), keys.dueOf(xid), keys.ownerLock(xid)}, args.toArray(String[]::new))
                .thenApply(reply -> new Decided(reply, reply.size() > 3 && Long.valueOf(1).equals(reply.get(3))));
    }

    /** @param snapshot as {@link #load} returns it (with the lock's flag after it, which the reader ignores) */
    record Decided(List<Object> snapshot, boolean locked) {
    }

    /** @return true when {@code owner} holds the owner lock now: it was free, or {@code owner}'s already */
    CompletionStage<Boolean> takeOwner(RedisClusterAsyncCommands<String, String> redis, String xid, String owner,
                                       Duration lease) {
        return TAKE_OWNER.<Long>run(redis, ScriptOutputType.INTEGER, new String[] {keys.ownerLock(xid)}, owner,
                millis(lease)).thenApply(TxScripts::isOne);
    }

    /** @return false when {@code owner} no longer holds the owner lock */
    CompletionStage<Boolean> renewOwner(RedisClusterAsyncCommands<String, String> redis, String xid, String owner,
                                        Duration lease) {
        return RENEW_OWNER.<Long>run(redis, ScriptOutputType.INTEGER, new String[] {keys.ownerLock(xid)}, owner,
                millis(lease)).thenApply(TxScripts::isOne);
    }

    CompletionStage<Long> freeOwner(RedisClusterAsyncCommands<String, String> redis, String xid, String owner) {
        return FREE_OWNER.run(redis, ScriptOutputType.INTEGER, new String[] {keys.ownerLock(xid)}, owner);
    }

    /** Claims up to {@code limit} transactions of one shard, the earliest due first. */
    CompletionStage<List<Claimed>> claim(RedisClusterAsyncCommands<String, String> redis, int shard, long now, long until,
                                         int limit) {
        return CLAIM.<List<Object>>run(redis, ScriptOutputType.MULTI, new String[] {keys.due(shard)},
                Long.toString(now), Long.toString(until), Integer.toString(limit)).thenApply(reply -> {
                    List<Claimed> claimed = new ArrayList<>(reply.size() / 2);
                    for (int i = 0; i < reply.size(); i += 2) {
                        claimed.add(new Claimed((String) reply.get(i), score((String) reply.get(i + 1))));
                    }
                    return claimed;
                });
    }

    /** Gives claims back, each due again when it was before, unless its due time changed since the claim. */
    CompletionStage<Long> unclaim(RedisClusterAsyncCommands<String, String> redis, int shard, long until, List<Claimed> claims) {
        List<String> args = new ArrayList<>(1 + 2 * claims.size());
        args.add(Long.toString(until));
        for (Claimed claim : claims) {
            args.add(claim.xid());
            args.add(Long.toString(claim.dueBefore()));
        }
        return UNCLAIM.run(redis, ScriptOutputType.INTEGER, new String[] {keys.due(shard)}, args.toArray(String[]::new));
    }

    /** A plain command: it changes only a transaction still in the queue (not FAILED, not ended). */
    CompletionStage<Long> dueAt(RedisClusterAsyncCommands<String, String> redis, String xid, long at) {
        return redis.zadd(keys.dueOf(xid), ZAddArgs.Builder.xx(), at, xid);
    }

    CompletionStage<Long> attemptFailed(RedisClusterAsyncCommands<String, String> redis, String xid) {
        return ATTEMPT.run(redis, ScriptOutputType.INTEGER, new String[] {keys.transaction(xid)});
    }

    CompletionStage<Boolean> fail(RedisClusterAsyncCommands<String, String> redis, String xid, String reason) {
        return FAIL.<Long>run(redis, ScriptOutputType.INTEGER, txDueFailed(xid), xid, reason).thenApply(TxScripts::isOne);
    }

    CompletionStage<Boolean> retry(RedisClusterAsyncCommands<String, String> redis, String xid) {
        return RETRY.<Long>run(redis, ScriptOutputType.INTEGER, txDueFailed(xid), xid).thenApply(TxScripts::isOne);
    }

    CompletionStage<Boolean> forget(RedisClusterAsyncCommands<String, String> redis, String xid) {
        return FORGET.<Long>run(redis, ScriptOutputType.INTEGER,
                new String[] {keys.transaction(xid), keys.branches(xid), keys.failedOf(xid)}, xid)
                .thenApply(TxScripts::isOne);
    }

    /** @param owner whose owner lock to free in the same step, or null to free none */
    CompletionStage<Boolean> finishRound(RedisClusterAsyncCommands<String, String> redis, String xid, List<Integer> done,
                                         String owner) {
        List<String> args = new ArrayList<>(List.of(xid, owner == null ? "" : owner));
        addIds(args, done);
        return FINISH.<Long>run(redis, ScriptOutputType.INTEGER, new String[] {keys.transaction(xid),
                keys.branches(xid), keys.dueOf(xid), keys.failedOf(xid), keys.ownerLock(xid)},
                args.toArray(String[]::new))
                .thenApply(TxScripts::isOne);
    }

    /** The raw snapshot {@link LoadedTransaction} reads: empty when the transaction is missing. */
    CompletionStage<List<Object>> load(RedisClusterAsyncCommands<String, String> redis, String xid) {
        return LOAD.run(redis, ScriptOutputType.MULTI, txBranchesDue(xid), xid);
    }

    /** Every xid of one shard: due ones, then FAILED ones. */
    CompletionStage<List<String>> members(RedisClusterAsyncCommands<String, String> redis, int shard) {
        return MEMBERS.<List<Object>>run(redis, ScriptOutputType.MULTI,
                new String[] {keys.due(shard), keys.failed(shard)}).thenApply(reply -> {
                    List<String> xids = new ArrayList<>();
                    reply.forEach(part -> ((List<?>) part).forEach(xid -> xids.add((String) xid)));
                    return xids;
                });
    }

    private String[] txAndBranches(String xid) {
        return new String[] {keys.transaction(xid), keys.branches(xid)};
    }

    private String[] txBranchesDue(String xid) {
        return new String[] {keys.transaction(xid), keys.branches(xid), keys.dueOf(xid)};
    }

    private String[] txDueFailed(String xid) {
        return new String[] {keys.transaction(xid), keys.dueOf(xid), keys.failedOf(xid)};
    }

    /** Redis scripts cannot include one another: the functions a script uses are resources put in front of it. */
    private static LuaScript script(String... names) {
        return LuaScript.fromResources(TxScripts.class, names);
    }

    private static String millis(Duration duration) {
        return Long.toString(duration.toMillis());
    }

    private static void addIds(List<String> args, List<Integer> ids) {
        ids.forEach(id -> args.add(Integer.toString(id)));
    }

    private static Phase phase(String name) {
        return name == null ? null : Phase.valueOf(name);
    }

    /** Redis writes integral scores without a fraction, but may use an exponent: parse as a double. */
    static long score(String score) {
        return (long) Double.parseDouble(score);
    }

    private static boolean isOne(Long reply) {
        return reply == 1L;
    }
}
