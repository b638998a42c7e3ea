package dev.weft.bench;

import java.util.List;

/** The tables of the report, each with its columns. */
public enum Section {
    LOCKS("Lock and unlock through a woven method",
            "row", "implementation", "ops/s", "p50", "p99", "vs Redisson", "failed"),
    LOCKS_DEPLOYMENTS("Lock and unlock on Redis Cluster and over TLS",
            "row", "implementation", "ops/s", "p50", "p99",
            "vs the row's first line (Redisson's cluster client; Weft without TLS)", "failed"),
    STARTUP("Agent start-up (median of the launches)",
            "app", "agent", "wall", "peak RSS", "added wall", "added RSS"),
    PER_CALL("Per-call cost (JMH, average time)",
            "row", "implementation", "ns/op", "added"),
    TCC("TCC (file log)",
            "row", "implementation", "tx/s", "p50", "p99", "failed"),
    TCC_SHARED("TCC (shared logs, against the file log of the same run)",
            "row", "log", "tx/s", "p50", "p99", "vs file log", "Redis calls / tx",
            "SQL commits / tx", "failed"),
    OUTBOX("Outbox: orders committed in one JVM, shipped by a consumer group in another",
            "row", "implementation", "committed/s", "relayed/s", "shipped/s", "to stream p50", "to stream p99",
            "lag p50", "lag p99", "shipped/s vs hand-written",
            "lag p99 vs hand-written", "failed"),
    OUTBOX_COST("Outbox: cost per business transaction (one insert, one thread)",
            "row", "implementation", "tx/s", "p50", "p99", "time per tx vs no outbox", "failed"),
    NOTIFY("Best-effort notification: cost per call of a woven void method",
            "row", "implementation", "calls/s", "p50", "p99", "added p99", "failed"),
    XA("XA: a transfer between two H2 databases",
            "row", "implementation", "tx/s", "p50", "p99", "tx/s vs hand-wired Narayana", "failed"),
    SESSIONS("Distributed sessions: a request that reads and writes one session attribute",
            "row", "implementation", "req/s", "p50", "p99", "added p99 vs the same app without sharing",
            "req/s vs Spring Session", "Redis commands / request", "failed");

    private final String title;
    private final List<String> columns;

    Section(String title, String... columns) {
        this.title = title;
        this.columns = List.of(columns);
    }

    public String title() {
        return title;
    }

    public List<String> columns() {
        return columns;
    }
}
