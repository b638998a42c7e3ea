package com.acme.otel;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * An application run with the OpenTelemetry agent: its own JDBC statements (table {@code app_stock}) and its own Redis
 * command ({@code SET app-key}, with its own Lettuce) are traced; a locked method and a global transaction with the JDBC
 * barrier make Weft talk to Redis and to its H2 transaction log too. Prints {@code DONE}.
 */
public final class TracedApp {
    private TracedApp() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection(Inventory.URL)) {
            connection.createStatement().execute("CREATE TABLE app_stock(sku VARCHAR(20) PRIMARY KEY, n INT)");
            connection.createStatement().execute("INSERT INTO app_stock VALUES ('sku-1', 10)");
        }
        RedisClient client = RedisClient.create(System.getenv("REDIS_URI"));
        try (StatefulRedisConnection<String, String> redis = client.connect()) {
            redis.sync().set("app-key", "v");
        } finally {
            client.shutdown();
        }
        new Inventory().count("sku-1");
        new Shop().buy("sku-1");
        System.out.println("DONE");
    }
}
