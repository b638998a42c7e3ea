package com.acme.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The control for the outbox: the hand-off teams write without one. {@code <url> <redis uri> <stream key> <orders>}:
 * places the orders, prints {@code ORDERS <rows> <sum>}, and then sends each placed order to the stream with
 * {@code XADD}. Between the two it waits for a line on stdin, so that a test can crash it there, after the commits and
 * before the sends.
 */
public final class HandPublisher {
    private HandPublisher() {
    }

    public static void main(String[] args) throws Exception {
        Orders orders = new Orders(args[0]);
        List<Order> placed = new ArrayList<>();
        for (int id = 1; id <= Integer.parseInt(args[3]); id++) {
            Order order = new Order(id, "sku-" + id % 3, id * 10L, id % 5 == 0);
            try {
                orders.place(order);
                placed.add(order);
            } catch (IllegalStateException rejected) {
                // without a transaction around it, the rejected order's row stays: one more flaw of the hand-off
            }
        }
        System.out.println("ORDERS " + orders.summary());
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        RedisClient client = RedisClient.create(args[1]);
        try (StatefulRedisConnection<String, String> redis = client.connect()) {
            ObjectMapper json = new ObjectMapper();
            for (Order order : placed) {
                redis.sync().xadd(args[2], "payload", json.writeValueAsString(order));
            }
        } finally {
            client.shutdown();
        }
        System.out.println("SENT " + placed.size());
    }
}
