package dev.weft.testkit;

import java.time.Duration;

/**
 * A master and one replica of it ({@code --replicaof}) on loopback, returned once the master reports the replica
 * online: a write to the master then reaches it, and Redis {@code WAIT 1} is answered.
 */
public final class RedisWithReplica implements AutoCloseable {
    private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(30);

    private final RedisServer master;
    private final RedisServer replica;

    private RedisWithReplica(RedisServer master, RedisServer replica) {
        this.master = master;
        this.replica = replica;
    }

    public static RedisWithReplica start() {
        RedisServer master = RedisServer.start();
        RedisServer replica = null;
        try {
            replica = RedisServer.start("--replicaof", "127.0.0.1", String.valueOf(master.port()));
            RedisWithReplica pair = new RedisWithReplica(master, replica);
            Conditions.await("replica of port " + master.port() + " online", SYNC_TIMEOUT,
                    () -> onlineReplicas(master) == 1, () -> replication(master));
            return pair;
        } catch (RuntimeException e) {
            master.close();
            if (replica != null) {
                replica.close();
            }
            throw e;
        }
    }

    public RedisServer master() {
        return master;
    }

    public RedisServer replica() {
        return replica;
    }

    /** The master's URI. */
    public String uri() {
        return master.uri();
    }

    /** How many replicas the master reports in sync ({@code state=online} in INFO replication). */
    static int onlineReplicas(RedisServer master) {
        return (int) replication(master).lines().filter(line -> line.startsWith("slave")
                && line.contains("state=online")).count();
    }

    private static String replication(RedisServer master) {
        return Resp.text(master.port(), "INFO", "replication");
    }

    @Override
    public void close() {
        replica.close();
        master.close();
    }
}
