package dev.weft.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A real Redis Cluster on loopback: {@code masters} masters sharing the 16384 slots evenly, each with
 * {@code replicasPerMaster} replicas, joined with CLUSTER MEET / ADDSLOTS / REPLICATE as an operator would, and
 * returned only once every node reports {@code cluster_state:ok}, knows every other node, and every replica's link
 * to its master is up.
 */
public final class RedisCluster implements AutoCloseable {
    public static final int SLOTS = 16_384;
    /**
     * A {@code redis.timeout} for a client of this cluster in a test: a new cluster client's first call reads the slot
     * map from every node and connects to its key's master, which on a loaded 2-core machine has taken seconds.
     */
    public static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration FORMING_TIMEOUT = Duration.ofSeconds(30);

    private final List<RedisServer> masters = new ArrayList<>();
    private final List<RedisServer> replicas = new ArrayList<>();

    private RedisCluster() {
    }

    /** @param extraArgs added to every node's command line (ACL files, TLS options) */
    public static RedisCluster start(int masters, int replicasPerMaster, String... extraArgs) {
        RedisCluster cluster = new RedisCluster();
        try {
            cluster.form(masters, replicasPerMaster, extraArgs);
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private void form(int masterCount, int replicasPerMaster, String[] extraArgs) {
        List<String> args = new ArrayList<>(List.of("--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
                "--cluster-node-timeout", "2000"));
        args.addAll(List.of(extraArgs));
        String[] nodeArgs = args.toArray(String[]::new);
        for (int i = 0; i < masterCount; i++) {
            masters.add(RedisServer.startClusterNode(nodeArgs));
        }
        for (int i = 0; i < masterCount * replicasPerMaster; i++) {
            replicas.add(RedisServer.startClusterNode(nodeArgs));
        }
        for (int i = 0; i < masterCount; i++) {
            List<Object> addSlots = new ArrayList<>(List.of("CLUSTER", "ADDSLOTS"));
            for (int slot = SLOTS * i / masterCount; slot < SLOTS * (i + 1) / masterCount; slot++) {
                addSlots.add(slot);
            }
            Resp.call(masters.get(i).port(), addSlots.toArray());
        }
        RedisServer first = masters.get(0);
        for (RedisServer node : nodes()) {
            if (node != first) {
                Resp.call(first.port(), "CLUSTER", "MEET", "127.0.0.1", node.port());
            }
        }
        await("every node to know all " + nodes().size(), () -> nodes().stream()
                .allMatch(node -> clusterNodes(node).size() == nodes().size()), this::state);
        for (int i = 0; i < replicas.size(); i++) {
            Resp.call(replicas.get(i).port(), "CLUSTER", "REPLICATE", nodeId(masters.get(i % masterCount)));
        }
        await("cluster_state:ok, every replica in sync and known as one everywhere", this::formed, this::state);
    }

    /** Each node's view, for the message of a cluster that does not form. */
    private String state() {
        StringBuilder state = new StringBuilder();
        for (RedisServer node : nodes()) {
            String info = Resp.text(node.port(), "CLUSTER", "INFO");
            state.append("\n  ").append(node.port()).append(": ")
                    .append(info.lines().filter(line -> line.startsWith("cluster_state")).findFirst().orElse(""))
                    .append(", nodes:");
            clusterNodes(node).forEach(line -> state.append("\n    ").append(line));
        }
        return state.toString();
    }

    private boolean formed() {
        for (RedisServer node : nodes()) {
            if (!Resp.text(node.port(), "CLUSTER", "INFO").contains("cluster_state:ok")) {
                return false;
            }
            long replicasSeen = clusterNodes(node).stream().filter(line -> line.split(" ")[2].contains("slave")).count();
            if (replicasSeen != replicas.size()) {
                return false;
            }
        }
        return replicas.stream().allMatch(replica -> Resp.text(replica.port(), "INFO", "replication")
                .contains("master_link_status:up"));
    }

    public List<RedisServer> masters() {
        return List.copyOf(masters);
    }

    public List<RedisServer> replicas() {
        return List.copyOf(replicas);
    }

    public List<RedisServer> nodes() {
        List<RedisServer> all = new ArrayList<>(masters);
        all.addAll(replicas);
        return all;
    }

    /** The seed URIs a client is given: every master. */
    public List<String> seedUris() {
        return masters.stream().map(RedisServer::uri).toList();
    }

    /** The node's cluster id (CLUSTER MYID). */
    public static String nodeId(RedisServer node) {
        return Resp.text(node.port(), "CLUSTER", "MYID");
    }

    /** The node's view of the cluster, one line per node (CLUSTER NODES). */
    public static List<String> clusterNodes(RedisServer node) {
        return Resp.text(node.port(), "CLUSTER", "NODES").lines().filter(line -> !line.isBlank()).toList();
    }

    /** Starts moving {@code slot} from master {@code source} to master {@code target}: see {@link SlotMove}. */
    public SlotMove beginSlotMove(int slot, RedisServer source, RedisServer target) {
        return new SlotMove(masters(), slot, source, target);
    }

    /**
     * Moves {@code slot} from master {@code source} to master {@code target} entirely ({@link SlotMove}), {@code batch}
     * keys per MIGRATE.
     *
     * @param afterBatch run after each MIGRATE, e.g. a pause that lets clients meet the half-moved slot
     * @return how many keys were moved
     */
    public int migrateSlot(int slot, RedisServer source, RedisServer target, int batch, Runnable afterBatch) {
        SlotMove move = beginSlotMove(slot, source, target);
        int moved = 0;
        for (List<?> keys = move.moveKeys(batch); !keys.isEmpty(); keys = move.moveKeys(batch)) {
            moved += keys.size();
            afterBatch.run();
        }
        move.finish();
        return moved;
    }

    /** How many keys each master holds (DBSIZE), in {@link #masters()} order. */
    public List<Long> keysPerMaster() {
        return masters.stream().map(node -> (Long) Resp.call(node.port(), "DBSIZE")).toList();
    }

    /** Waits for a condition of the cluster, checking it every 50 ms, failing after {@link #FORMING_TIMEOUT}. */
    public void await(String what, BooleanSupplier condition) {
        await(what, condition, this::state);
    }

    private static void await(String what, BooleanSupplier condition, Supplier<String> state) {
        Conditions.await("Redis Cluster " + what, FORMING_TIMEOUT, condition, state);
    }

    @Override
    public void close() {
        nodes().forEach(RedisServer::close);
    }
}
