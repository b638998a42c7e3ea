package dev.weft.runtime.txlog.redis;

import dev.weft.runtime.config.RedisSettings;
import dev.weft.runtime.log.Log;
import dev.weft.runtime.redis.RedisEndpoint;
import dev.weft.runtime.txlog.BranchState;
import dev.weft.runtime.txlog.Carried;
import dev.weft.runtime.txlog.LogRecord;
import dev.weft.runtime.txlog.NotTryingException;
import dev.weft.runtime.txlog.OwnerLocks;
import dev.weft.runtime.txlog.ParticipantId;
import dev.weft.runtime.txlog.Phase;
import dev.weft.runtime.txlog.LoggedTransaction;
import dev.weft.runtime.txlog.TransactionLog;
import dev.weft.runtime.txlog.TransactionLogException;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * {@code transactions.log.type: redis}: the shared transaction log in one Redis ({@code redis.uri}), keys laid out by
 * {@link TxKeys}. Every change is one Lua script, so each compare-and-set of the SPI is atomic on the server; a
 * reply means Redis applied it, durable as far as its {@code appendfsync} makes it (docs/distributed-tcc.md,
 * "Durability of each Redis setting").
 *
 * <p>It keeps the owner locks of phase two too ({@link OwnerLocks}), one key beside each transaction's, so that the
 * root's decision and the end of its round carry them: a transaction with two branches of the root costs four scripts
 * (two registrations, the decision, the end of the round).
 *
 * <p>Times passed in ({@code claimDue}'s now, {@code dueAt}) are the caller's clock; a decision or a retry makes a
 * transaction due by the Redis server's clock. Instances whose clocks differ by a second only see such a transaction
 * a second sooner or later.
 */
public final class RedisTransactionLog implements TransactionLog, OwnerLocks {
    private final TxRedis redis;
    private final TxKeys keys;
    private final TxScripts scripts;
    private final String keyPrefix;

    public RedisTransactionLog(RedisSettings settings) {
        this.redis = new TxRedis(RedisEndpoint.of(settings));
        this.keys = new TxKeys(settings.keyPrefix());
        this.scripts = new TxScripts(keys);
        this.keyPrefix = settings.keyPrefix();
    }

    /** Wake-ups over this log's own Redis connections; closing them leaves the log open. */
    public RedisWakeups wakeups() {
        return new RedisWakeups(redis, keys, false);
    }

    @Override
    public void begin(LogRecord.Begin begin) {
        redis.call("begin global transaction " + begin.xid() + " in the shared transaction log",
                r -> scripts.begin(r, begin.xid(), begin.origin(), begin.startedAt(), begin.deadline()));
    }

    @Override
    public int register(String xid, ParticipantId participant, String arguments, Carried carried) {
        TxScripts.Registration registration = redis.call("register a branch of " + participant + " in global"
                + " transaction " + xid, r -> scripts.register(r, xid, BranchCodec.encode(participant, arguments),
                carried));
        if (registration.branchId() < 0) {
            throw new NotTryingException(xid, registration.phase());
        }
        return registration.branchId();
    }

    @Override
    public boolean tryEnded(String xid, int branchId, BranchState end) {
        BranchState.checkTryEnd(end);
        return redis.call("record how the try of branch " + branchId + " of global transaction " + xid + " ended",
                r -> scripts.branchState(r, xid, branchId, end, end == BranchState.RETURNED));
    }

    @Override
    public Optional<LoggedTransaction> decide(String xid, boolean commit, List<Integer> returned) {
        return decided(xid, commit, returned, null, Duration.ZERO).transaction();
    }

    @Override
    public Decided decide(String xid, boolean commit, List<Integer> returned, String owner, Duration lease) {
        return decided(xid, commit, returned, owner, lease);
    }

    /** @param owner null to take no owner lock */
    private Decided decided(String xid, boolean commit, List<Integer> returned, String owner, Duration lease) {
        Phase decision = commit ? Phase.COMMITTING : Phase.ROLLING_BACK;
        TxScripts.Decided decided = redis.call("record the decision (" + decision + ") of global transaction " + xid,
                r -> scripts.decide(r, xid, decision, returned, owner, lease));
        return new Decided(read(xid, decided.snapshot()), decided.locked());
    }

    @Override
    public Optional<OwnerLocks> ownerLocks() {
        return Optional.of(this);
    }

    @Override
    public boolean tryLock(String xid, String owner, Duration lease) {
        return redis.call("take the owner lock of global transaction " + xid,
                r -> scripts.takeOwner(r, xid, owner, lease));
    }

    @Override
    public boolean renew(String xid, String owner, Duration lease) {
        return redis.call("renew the owner lock of global transaction " + xid,
                r -> scripts.renewOwner(r, xid, owner, lease));
    }

    @Override
    public void release(String xid, String owner) {
        redis.call("free the owner lock of global transaction " + xid, r -> scripts.freeOwner(r, xid, owner));
    }

    @Override
    public String keyOf(String xid) {
        return keys.ownerLock(xid);
    }

    @Override
    public Optional<LoggedTransaction> load(String xid) {
        return read(xid, redis.call("read global transaction " + xid + " from the shared transaction log",
                r -> scripts.load(r, xid)));
    }

    @Override
    public boolean finishRound(String xid, List<Integer> done) {
        return finished(xid, done, null);
    }

    @Override
    public boolean finishRound(String xid, List<Integer> done, String owner) {
        return finished(xid, done, owner);
    }

    /** @param owner null to free no owner lock */
    private boolean finished(String xid, List<Integer> done, String owner) {
        return redis.call("record branches " + done + " of global transaction " + xid + " as done",
                r -> scripts.finishRound(r, xid, done, owner));
    }

    /**
     * Every shard is claimed from at once, each up to {@code limit}; of all those claimed, the earliest due are kept
     * and the others given back (without waiting), so that a busy shard does not starve the others' oldest.
     */
    @Override
    public List<String> claimDue(long nowMillis, long claimMillis, int limit) {
        long until = nowMillis + claimMillis;
        List<List<TxScripts.Claimed>> perShard = redis.callAll("claim due global transactions",
                eachShard(shard -> r -> scripts.claim(r, shard, nowMillis, until, limit)));
        List<TxScripts.Claimed> all = new ArrayList<>();
        perShard.forEach(all::addAll);
        all.sort(Comparator.comparingLong(TxScripts.Claimed::dueBefore));
        if (all.size() > limit) {
            giveBack(all.subList(limit, all.size()), until);
        }
        return all.stream().limit(limit).map(TxScripts.Claimed::xid).toList();
    }

    private void giveBack(List<TxScripts.Claimed> surplus, long until) {
        for (int shard = 0; shard < TxKeys.SHARDS; shard++) {
            int s = shard;
            List<TxScripts.Claimed> ofShard = surplus.stream().filter(c -> TxKeys.shard(c.xid()) == s).toList();
            if (!ofShard.isEmpty()) {
                redis.send(r -> scripts.unclaim(r, s, until, ofShard)).whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        Log.debug("could not give back claims beyond the limit (" + failure + "); they are due"
                                + " again when the claim runs out");
                    }
                });
            }
        }
    }

    @Override
    public void dueAt(String xid, long atMillis) {
        redis.call("set when global transaction " + xid + " is next due", r -> scripts.dueAt(r, xid, atMillis));
    }

    @Override
    public int attemptFailed(String xid) {
        return redis.call("count a failed attempt of global transaction " + xid, r -> scripts.attemptFailed(r, xid))
                .intValue();
    }

    @Override
    public void fail(String xid, String reason) {
        redis.call("mark global transaction " + xid + " as FAILED", r -> scripts.fail(r, xid, reason));
    }

    @Override
    public boolean retry(String xid) {
        return redis.call("retry FAILED global transaction " + xid, r -> scripts.retry(r, xid));
    }

    @Override
    public boolean forget(String xid) {
        return redis.call("forget FAILED global transaction " + xid, r -> scripts.forget(r, xid));
    }

    /** Reads every shard's queue and failed set, then each transaction, all sent at once: for operators, not hot paths. */
    @Override
    public List<LoggedTransaction> open(int limit) {
        List<String> xids = new ArrayList<>();
        redis.callAll("list open global transactions", eachShard(shard -> r -> scripts.members(r, shard)))
                .forEach(xids::addAll);
        List<List<Object>> replies = redis.callAll("read open global transactions",
                xids.stream().<Function<RedisClusterAsyncCommands<String, String>, CompletionStage<List<Object>>>>map(
                        xid -> r -> scripts.load(r, xid)).toList());
        List<LoggedTransaction> open = new ArrayList<>();
        for (int i = 0; i < xids.size(); i++) {
            read(xids.get(i), replies.get(i)).ifPresent(open::add); // ended between the two reads
        }
        return open.stream().sorted(Comparator.comparingLong(LoggedTransaction::startedAt)).limit(limit).toList();
    }

    @Override
    public boolean sharedByProcesses() {
        return true;
    }

    @Override
    public String describe() {
        return "the Redis transaction log at " + redis.address() + " (keys " + keyPrefix + "tx:*)";
    }

    @Override
    public void close() {
        redis.endpoint().close();
    }

    private static <T> List<Function<RedisClusterAsyncCommands<String, String>, CompletionStage<T>>> eachShard(
            IntFunction<Function<RedisClusterAsyncCommands<String, String>, CompletionStage<T>>> command) {
        return IntStream.range(0, TxKeys.SHARDS).mapToObj(command).toList();
    }

    private Optional<LoggedTransaction> read(String xid, List<Object> reply) {
        try {
            return LoadedTransaction.read(xid, reply);
        } catch (IllegalArgumentException e) {
            throw new TransactionLogException(describe() + " holds global transaction " + xid + " in a form this"
                    + " version of Weft does not read (" + e.getMessage() + "); was it written by a newer Weft? Run"
                    + " that version to finish it, or remove its keys by hand", e);
        }
    }
}
