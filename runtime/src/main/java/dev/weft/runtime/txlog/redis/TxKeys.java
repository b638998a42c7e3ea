package dev.weft.runtime.txlog.redis;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Where the Redis transaction log keeps things (docs/distributed-tcc.md, "Redis layout").
 *
 * <p>Every key carries a hash tag {@code {<shard>}}, the shard being CRC32 of the xid modulo {@link #SHARDS}. A Redis
 * Cluster so spreads transactions over sixteen slots, while the keys of one transaction and its shard's due queue and
 * failed set share a slot, which is what lets one Lua script change them all. The tag comes before the xid, so an xid
 * containing braces cannot change the slot (Redis hashes the first {@code {...}} only).
 */
final class TxKeys {
    static final int SHARDS = 16;

    private final String prefix;
    private final String channel;

    TxKeys(String keyPrefix) {
        this.prefix = keyPrefix + "tx:";
        this.channel = keyPrefix + "tx:wake";
    }

    static int shard(String xid) {
        CRC32 crc = new CRC32();
        crc.update(xid.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % SHARDS);
    }

    /** Hash: origin, startedAt, deadline, phase, failure, attempts, branches (the id counter), pending (not DONE). */
    String transaction(String xid) {
        return shardPrefix(shard(xid)) + xid;
    }

    /** Hash: {@code <id>} to the branch's record, {@code <id>:state} to its {@link dev.weft.runtime.txlog.BranchState}. */
    String branches(String xid) {
        return transaction(xid) + ":b";
    }

    /**
     * String: the holder of the transaction's owner lock of phase two, expiring with its lease; beside the transaction,
     * so that the decision can take it and the end of a round free it in the same script.
     */
    String ownerLock(String xid) {
        return transaction(xid) + ":owner";
    }

    /** Sorted set: xid to when it is next due, epoch millis. */
    String due(int shard) {
        return shardPrefix(shard) + "due";
    }

    String dueOf(String xid) {
        return due(shard(xid));
    }

    /** Set of the FAILED xids. */
    String failed(int shard) {
        return shardPrefix(shard) + "failed";
    }

    String failedOf(String xid) {
        return failed(shard(xid));
    }

    /** The pub/sub channel of wake-ups; channels are not keys, so it needs no tag. */
    String wakeChannel() {
        return channel;
    }

    private String shardPrefix(int shard) {
        return prefix + "{" + shard + "}:";
    }
}
