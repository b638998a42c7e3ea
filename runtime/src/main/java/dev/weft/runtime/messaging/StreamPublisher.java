package dev.weft.runtime.messaging;

import dev.weft.api.WeftBackendException;
import dev.weft.runtime.log.Log;
import dev.weft.runtime.redis.RedisEndpoint;
import io.lettuce.core.XAddArgs;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Appends messages to their streams: {@code XADD <key> MAXLEN ~ <maxLen> * id <id> payload <json> createdAt <millis>}.
 *
 * <p>The cap is approximate (Redis trims whole macro nodes, so a stream may hold somewhat more than {@code maxLen}
 * entries) and it drops the oldest entries whether or not every group has acknowledged them: {@code maxLen} must be
 * well above the number of messages that can be waiting in the slowest group.
 */
public final class StreamPublisher {
    private final RedisEndpoint redis;
    private final StreamKeys keys;
    private final long maxLen;

    public StreamPublisher(RedisEndpoint redis, StreamKeys keys, long maxLen) {
        if (maxLen < 1) {
            throw new IllegalArgumentException("maxLen is " + maxLen + "; give messages.maxLen a positive number");
        }
        this.redis = redis;
        this.keys = keys;
        this.maxLen = maxLen;
    }

    /**
     * Appends one message, waiting at most {@code redis.timeout}.
     *
     * @return the stream entry id Redis gave it
     * @throws WeftBackendException when Redis cannot take it; it may still have taken it (a reply lost in time), so a
     *                              retry may publish the message twice, as at-least-once delivery allows
     */
    public String publish(Message message) {
        return redis.call(purpose(message), r -> r.xadd(keys.of(message.stream()), cap(), StreamFields.of(message)));
    }

    /**
     * Appends many messages at once: all are sent without waiting, then their replies are awaited within one
     * {@code redis.timeout}, which starts once a cold JVM's connection is made.
     *
     * @return how many were accepted in order, counting up to the first one that failed (those after it may have been
     *         accepted too: publishing them again duplicates them, which at-least-once delivery allows)
     * @throws WeftBackendException when not even the first was accepted, with the reason
     */
    public int publishAll(List<Message> messages) {
        if (messages.isEmpty()) {
            return 0;
        }
        long deadline = redis.deadlineOnceConnected(purpose(messages.get(0)));
        List<CompletableFuture<String>> replies = new ArrayList<>(messages.size());
        for (Message message : messages) {
            replies.add(redis.send(r -> r.xadd(keys.of(message.stream()), cap(), StreamFields.of(message))));
        }
        int accepted = 0;
        for (CompletableFuture<String> reply : replies) {
            try {
                redis.await(reply, deadline, purpose(messages.get(accepted)));
            } catch (WeftBackendException e) {
                if (accepted == 0) {
                    throw e;
                }
                Log.warn(e.getMessage() + " (" + accepted + " of " + messages.size() + " messages sent together were"
                        + " accepted before it)");
                break;
            }
            accepted++;
        }
        return accepted;
    }

    private XAddArgs cap() {
        return new XAddArgs().maxlen(maxLen).approximateTrimming();
    }

    private static String purpose(Message message) {
        return "publish message \"" + message.id() + "\" to stream " + message.stream();
    }
}
