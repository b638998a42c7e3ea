package dev.weft.runtime.redis;

import java.util.List;

/**
 * What an endpoint is connected to, for operators: the deployment kind, every node the client knows, and the
 * master(s) that currently take writes ({@code host:port} each).
 */
public record RedisTopology(String kind, List<String> nodes, List<String> masters) {
    public RedisTopology {
        nodes = List.copyOf(nodes);
        masters = List.copyOf(masters);
    }

    /** One line, e.g. {@code cluster, masters 127.0.0.1:7000,127.0.0.1:7001 of 6 nodes}. */
    public String describe() {
        return kind + ", master" + (masters.size() == 1 ? " " : "s ") + (masters.isEmpty() ? "unknown"
                : String.join(",", masters)) + " of " + nodes.size() + " node" + (nodes.size() == 1 ? "" : "s");
    }
}
