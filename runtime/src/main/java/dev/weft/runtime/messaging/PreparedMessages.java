package dev.weft.runtime.messaging;

import dev.weft.runtime.redis.LuaScript;
import dev.weft.runtime.redis.RedisEndpoint;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Prepared messages in Redis, where consumers cannot see them, until their transaction's outcome is known
 * (docs/transactional-messages.md). Per stream, all under the stream's hash tag so that one script can touch them and
 * the stream together on Redis Cluster: {@code <keyPrefix>prepared:{<stream>}} (message id to record),
 * {@code <keyPrefix>prepared-due:{<stream>}} (when each is due for its check-back) and
 * {@code <keyPrefix>prepared-check:{<stream>}} (how to check it back: the database its transaction ran in, or the
 * application's check-back method; absent until the method's transaction began).
 */
final class PreparedMessages {
    private static final LuaScript PREPARE = LuaScript.fromResources(PreparedMessages.class, "prepare.lua");
    private static final LuaScript ATTACH = LuaScript.fromResources(PreparedMessages.class, "attach.lua");
    private static final LuaScript RELEASE = LuaScript.fromResources(PreparedMessages.class, "release.lua");
    private static final LuaScript CLAIM_DUE = LuaScript.fromResources(PreparedMessages.class, "claim_due.lua");

    private final RedisEndpoint redis;
    private final String keyPrefix;
    private final StreamKeys streams;
    private final long maxLen;

    /** A prepared message due for its check-back; {@code check} is empty when its transaction never began. */
    record Due(Message message, Optional<String> check) {
    }

    PreparedMessages(RedisEndpoint redis, String keyPrefix, long maxLen) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
        this.streams = new StreamKeys(keyPrefix);
        this.maxLen = maxLen;
    }

    /** Stores the message, due for a check-back after {@code checkAfter}, and says how to check it back. */
    void prepare(Message message, Duration checkAfter, String check) {
        long deadline = redis.deadlineOnceConnected(storing(message));
        redis.await(send(message, checkAfter, check), deadline, storing(message));
    }

    /**
     * Sends the message to be stored without waiting: {@link #attach}, which its transaction must pass before it can
     * commit, waits for it. One round trip on the calling thread instead of two.
     */
    CompletableFuture<Long> prepareLater(Message message, Duration checkAfter) {
        return send(message, checkAfter, "");
    }

    private CompletableFuture<Long> send(Message message, Duration checkAfter, String check) {
        String stream = message.stream();
        long due = System.currentTimeMillis() + checkAfter.toMillis();
        return redis.send(r -> PREPARE.<Long>run(r, ScriptOutputType.INTEGER, keys(stream, false), message.id(),
                message.createdAtMillis() + ":" + message.payload(), Long.toString(due), check));
    }

    /**
     * Says how to check the message back, once {@code stored} (from {@link #prepareLater}) is done; {@code false}
     * when the message is gone (a check-back already resolved it). Like {@link #prepare}, it first waits for a cold
     * JVM's connection (building the client is local work), and only then gives Redis {@code redis.timeout}.
     *
     * @throws dev.weft.api.WeftBackendException when Redis did not take the message or this, within
     *                                           {@code redis.timeout}
     */
    boolean attach(Message message, String check, CompletableFuture<Long> stored) {
        String stream = message.stream();
        long deadline = redis.deadlineOnceConnected(storing(message));
        CompletableFuture<Long> attached = redis.send(r -> ATTACH.<Long>run(r, ScriptOutputType.INTEGER,
                new String[] {records(stream), checks(stream)}, message.id(), check));
        redis.await(stored, deadline, storing(message));
        return redis.await(attached, deadline, "record the database of prepared message \"" + message.id() + "\"")
                == 1L;
    }

    /** What storing the message is called in messages: "... to prepare message "id" for stream s". */
    private static String storing(Message message) {
        return "prepare message \"" + message.id() + "\" for stream " + message.stream();
    }

    /** Puts the message on its stream and forgets it; {@code false} when it was already gone. */
    boolean publish(String stream, String id) {
        return release(stream, id, Release.PUBLISH);
    }

    /** Forgets the message without publishing it; {@code false} when it was already gone. */
    boolean discard(String stream, String id) {
        return release(stream, id, Release.DISCARD);
    }

    /**
     * Forgets the message without publishing it, unless its transaction began meanwhile ({@link #attach}): a
     * check-back that found no transaction must not discard one that began after it looked. {@code false} when it
     * began, or the message was already gone.
     */
    boolean discardIfNeverBegun(String stream, String id) {
        return release(stream, id, Release.DISCARD_IF_UNBEGUN);
    }

    /** What release.lua is asked to do, and its argument for that. */
    private enum Release {
        PUBLISH("publish", "1"), DISCARD("discard", "0"), DISCARD_IF_UNBEGUN("discard", "unbegun");

        final String verb;
        final String argument;

        Release(String verb, String argument) {
            this.verb = verb;
            this.argument = argument;
        }
    }

    private boolean release(String stream, String id, Release how) {
        String answer = redis.call(how.verb + " prepared message \"" + id + "\" of stream " + stream,
                r -> RELEASE.<String>run(r, ScriptOutputType.VALUE, keys(stream, true), id, how.argument,
                        Long.toString(maxLen)));
        return answer != null;
    }

    /** Up to {@code count} messages of {@code stream} due for their check-back, leased to the caller for a while. */
    List<Due> claimDue(String stream, Duration lease, int count) {
        long now = System.currentTimeMillis();
        List<Object> flat = redis.call("find prepared messages of stream " + stream + " due for their check-back",
                r -> CLAIM_DUE.<List<Object>>run(r, ScriptOutputType.MULTI, keys(stream, false),
                        Long.toString(now), Long.toString(now + lease.toMillis()), Integer.toString(count)));
        List<Due> due = new ArrayList<>();
        for (int i = 0; i + 2 < flat.size(); i += 3) {
            String record = (String) flat.get(i + 1);
            int colon = record.indexOf(':');
            Message message = new Message(stream, (String) flat.get(i), record.substring(colon + 1),
                    Long.parseLong(record.substring(0, colon)));
            String check = (String) flat.get(i + 2);
            due.add(new Due(message, check.isEmpty() ? Optional.empty() : Optional.of(check)));
        }
        return due;
    }

    /** How many messages of {@code stream} are prepared and not yet resolved. */
    long waiting(String stream) {
        return redis.call("count the prepared messages of stream " + stream, r -> r.hlen(records(stream)));
    }

    private String[] keys(String stream, boolean withStream) {
        return withStream ? new String[] {records(stream), due(stream), checks(stream), streams.of(stream)}
                : new String[] {records(stream), due(stream), checks(stream)};
    }

    private String records(String stream) {
        return keyPrefix + "prepared:{" + stream + "}";
    }

    private String due(String stream) {
        return keyPrefix + "prepared-due:{" + stream + "}";
    }

    private String checks(String stream) {
        return keyPrefix + "prepared-check:{" + stream + "}";
    }
}
