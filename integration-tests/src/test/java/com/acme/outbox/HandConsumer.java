package com.acme.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.Consumer;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.List;

/**
 * The control for exactly-once consumers: a correct at-least-once consumer written by hand, with no inbox.
 * {@code <url> <redis uri> <stream key> <group> <consumer> <expected>}: joins the group, handles first the entries it
 * had taken and not acknowledged before (a restart), then new ones, calling {@link Shipping#onOrder} and then
 * {@code XACK}; once the shipments table holds {@code expected} rows it prints {@code SHIPPED <rows> <distinct> <sum>}.
 */
public final class HandConsumer {
    private HandConsumer() {
    }

    public static void main(String[] args) throws Exception {
        Shipping shipping = new Shipping(args[0]);
        shipping.createTable();
        String key = args[2];
        Consumer<String> me = Consumer.from(args[3], args[4]);
        long expected = Long.parseLong(args[5]);
        ObjectMapper json = new ObjectMapper();
        RedisClient client = RedisClient.create(args[1]);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            try {
                redis.xgroupCreate(XReadArgs.StreamOffset.from(key, "0"), args[3], XGroupCreateArgs.Builder.mkstream());
            } catch (RedisBusyException exists) {
                // another instance created the group
            }
            System.out.println("READY");
            String from = "0"; // this consumer's own unacknowledged entries first
            while (Long.parseLong(shipping.summary().split(" ")[0]) < expected) {
                List<StreamMessage<String, String>> entries = redis.xreadgroup(me,
                        XReadArgs.Builder.count(1).block(100), XReadArgs.StreamOffset.from(key, from));
                if (entries.isEmpty()) {
                    from = ">";
                    continue;
                }
                for (StreamMessage<String, String> entry : entries) {
                    shipping.onOrder(json.readValue(entry.getBody().get("payload"), Order.class));
                    redis.xack(key, args[3], entry.getId());
                }
            }
        } finally {
            client.shutdown();
        }
        System.out.println("SHIPPED " + shipping.summary());
    }
}
