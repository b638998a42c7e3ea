package dev.weft.runtime.messaging;

import dev.weft.api.WeftBackendException;
import dev.weft.runtime.failure.Causes;
import dev.weft.runtime.redis.RedisEndpoint;
import io.lettuce.core.Consumer;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.models.stream.ClaimedMessages;
import io.lettuce.core.models.stream.PendingMessage;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Redis commands of one consumer in one consumer group of one stream; no policy, no threads. */
final class StreamGroup {
    /** XAUTOCLAIM's cursor for "from the start of the pending entries list". */
    static final String FIRST = "0-0";

    private final RedisEndpoint redis;
    private final String key;
    private final String deadLetterKey;
    private final String stream;
    private final String group;
    private final Consumer<String> consumer;
    private final String described;

    StreamGroup(RedisEndpoint redis, StreamKeys keys, String stream, String group, String consumerName) {
        this.redis = redis;
        this.key = keys.of(stream);
        this.deadLetterKey = keys.of(StreamKeys.deadLetters(stream));
        this.stream = stream;
        this.group = group;
        this.consumer = Consumer.from(group, consumerName);
        this.described = "consumer group \"" + group + "\" of stream " + stream;
    }

    String describe() {
        return described;
    }

    /**
     * Creates the group (and the stream if need be) reading from the stream's first entry, so that messages published
     * before any consumer ran are not lost; a group that already exists is left as it is.
     */
    void create() {
        try {
            redis.call("create " + described, r -> r.xgroupCreate(XReadArgs.StreamOffset.from(key, "0"), group,
                    new XGroupCreateArgs().mkstream(true)));
        } catch (WeftBackendException e) {
            if (!replied(e, "BUSYGROUP")) {
                throw e;
            }
        }
    }

    /**
     * Up to {@code count} entries never delivered to any consumer of the group, now delivered to this one; waits on
     * the server up to {@code wait} (at least a millisecond: 0 would be for ever) when there are none yet.
     */
    List<StreamMessage<String, String>> readNew(int count, Duration wait) {
        return redis.callBlocking("read new messages for " + described, r -> r.xreadgroup(consumer,
                new XReadArgs().count(count).block(Math.max(1, wait.toMillis())),
                XReadArgs.StreamOffset.lastConsumed(key)));
    }

    /** Takes over entries that some consumer of the group has left unacknowledged for at least {@code minIdle}. */
    ClaimedMessages<String, String> claimIdle(Duration minIdle, String cursor, int count) {
        return redis.call("claim messages left pending in " + described, r -> r.xautoclaim(key,
                new XAutoClaimArgs<String>().consumer(consumer).minIdleTime(minIdle).startId(cursor).count(count)));
    }

    /**
     * How many times the group has delivered the entry, counting the delivery that gave it to this consumer; 0 when
     * it is no longer pending with this consumer.
     */
    long deliveries(String entryId) {
        List<PendingMessage> pending = redis.call("count the deliveries of entry " + entryId + " in " + described,
                r -> r.xpending(key, consumer, Range.create(entryId, entryId), Limit.from(1)));
        return pending.isEmpty() ? 0 : pending.get(0).getRedeliveryCount();
    }

    /**
     * Delivers a pending entry to this consumer once more, counting one more delivery; empty when it is no longer
     * pending (acknowledged elsewhere) or no longer in the stream.
     */
    List<StreamMessage<String, String>> redeliver(String entryId) {
        return redis.call("take back entry " + entryId + " in " + described,
                r -> r.xclaim(key, consumer, 0, entryId));
    }

    /**
     * Marks entries as recently worked on by this consumer, without counting a delivery, so that no other consumer
     * claims them as left behind while this one still has them.
     */
    void touch(Collection<String> entryIds) {
        redis.call("keep " + entryIds.size() + " messages claimed in " + described,
                r -> r.xclaim(key, consumer, XClaimArgs.Builder.justid(), entryIds.toArray(String[]::new)));
    }

    void ack(String entryId) {
        redis.call("acknowledge entry " + entryId + " in " + described, r -> r.xack(key, group, entryId));
    }

    /**
     * Copies the message to the dead-letter stream, then acknowledges it. Not atomic (the two keys may live on
     * different Cluster slots): a failure in between leaves a copy in the dead-letter stream and the entry pending, to
     * be claimed and dead-lettered again.
     */
    void deadLetter(String entryId, Map<String, String> entryFields, String error, long attempts) {
        Map<String, String> fields = new LinkedHashMap<>(entryFields);
        fields.put(StreamFields.ERROR, error);
        fields.put(StreamFields.ATTEMPTS, Long.toString(attempts));
        fields.put(StreamFields.GROUP, group);
        fields.put(StreamFields.ENTRY, entryId);
        redis.call("move entry " + entryId + " to stream " + StreamKeys.deadLetters(stream),
                r -> r.xadd(deadLetterKey, new XAddArgs(), fields));
        ack(entryId);
    }

    /** Whether Redis refused a call with this error code ({@code NOGROUP}, {@code BUSYGROUP}). */
    static boolean replied(Throwable failure, String code) {
        return Causes.any(failure, t -> t instanceof RedisCommandExecutionException && t.getMessage() != null
                && t.getMessage().startsWith(code));
    }

    /** The group's unacknowledged entries, all consumers together. */
    long pending() {
        return redis.call("count the pending messages of " + described, r -> r.xpending(key, group)).getCount();
    }
}
