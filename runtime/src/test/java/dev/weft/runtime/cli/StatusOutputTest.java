package dev.weft.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.runtime.jmx.SelectorView;
import dev.weft.runtime.jmx.StatusReport;
import dev.weft.runtime.jmx.TransactionView;
import dev.weft.runtime.lock.HeldLockInfo;
import dev.weft.runtime.messaging.DeadLetter;
import dev.weft.runtime.weave.Percentiles;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@code weft status} prints for a report: a table for people, the same facts as JSON for scripts. */
class StatusOutputTest {
    private static final Percentiles NONE = new Percentiles(0, 0, 0, 0, 0);
    private static final Percentiles WAITS = new Percentiles(40, 0.5, 2, 12.4, 30);
    private static final Percentiles HOLDS = new Percentiles(39, 1, 3, 1500, 2000);

    private static final StatusReport LOCKS_ONLY = new StatusReport(4242, "1.0", "/etc/weft.yaml", 1, 0, 0,
            List.of(new SelectorView("com.acme.Shop#reserve(..)", "/etc/weft.yaml:7:5", 1, 40, 1, 0, WAITS, HOLDS),
                    new SelectorView("com.acme.Shop#restock(..)", "/etc/weft.yaml:10:5", 0, 0, 0, 0, NONE, NONE)),
            new StatusReport.Locks(39, 1, 0, 0, 1,
                    List.of(new HeldLockInfo("sku:widget-42", "clerk-3", 1732612345678901L, 1500, 8500, false)),
                    Map.of("sku:widget-42", 3), WAITS, HOLDS),
            null, null);

    @Test
    void theRedisDeploymentFollowsTheHeaderWhenTheAgentDescribesIt() {
        StatusReport report = new StatusReport(1, "1.0", "weft.yaml", 0, 0, 0, List.of(), null, null, null, null, null, null,
                "cluster, masters 10.0.0.1:7000,10.0.0.2:7000,10.0.0.3:7000 of 6 nodes");
        List<String> lines = StatusText.render(report).lines().toList();
        assertEquals("Redis: cluster, masters 10.0.0.1:7000,10.0.0.2:7000,10.0.0.3:7000 of 6 nodes", lines.get(1));
        assertEquals(false, StatusText.render(LOCKS_ONLY).contains("Redis:"), "the control: an agent that does not say");
    }

    @Test
    void theTableShowsTheSelectorsHeldLocksAndWaiters() {
        List<String> lines = StatusText.render(LOCKS_ONLY).lines().toList();

        assertEquals("Weft 1.0 in pid 4242, config /etc/weft.yaml", lines.get(0));
        assertContains(lines,
                "  AT    SELECTOR                   WOVEN  CALLS  FAILED  SKIPPED  WAIT p99  RUN p99",
                "  7:5   com.acme.Shop#reserve(..)  1      40     1       0        12ms      1.5s",
                "  10:5  com.acme.Shop#restock(..)  0      0      0       0        -         -        matched nothing yet",
                "Locks: 39 acquired, 1 busy, 0 lost, 0 errors, 1 held now",
                "  wait  p50 0.50ms  p90 2.00ms  p99 12ms  max 30ms  (40 calls)",
                "    KEY            HOLDER   TOKEN             HELD FOR  LEASE LEFT",
                "    sku:widget-42  clerk-3  1732612345678901  1.5s      8.5s",
                "    KEY            THREADS WAITING",
                "    sku:widget-42  3",
                "Transactions: no transactions configured");
    }

    @Test
    void openAndFailedTransactionsAreListedWhenConfigured() {
        StatusReport report = new StatusReport(1, "1.0", "weft.yaml", 0, 0, 0, List.of(), null,
                new StatusReport.Transactions(10, 7, 1, 1, 0, 1,
                        List.of(new TransactionView("tx-1", "TRYING", 1200, 2, "com.acme.Bank#transfer(..)")),
                        List.of(new TransactionView("tx-0", "FAILED", 185_000, 2, "cancel keeps failing"))), null);

        List<String> lines = StatusText.render(report).lines().toList();

        assertContains(lines,
                "Transactions: 10 begun, 7 committed, 1 rolled back, 1 active, 0 recovering, 1 failed",
                "  Open",
                "    tx-1  TRYING  1.2s  2         com.acme.Bank#transfer(..)",
                "  FAILED (need an operator)",
                "    tx-0  FAILED  3m05s  2         cancel keeps failing");
    }

    @Test
    void theOutboxBacklogAndTheDeadLettersAreListedWhenMessagesAreConfigured() {
        StatusReport report = new StatusReport(1, "1.0", "weft.yaml", 2, 0, 0, List.of(), null, null,
                new StatusReport.Messages(40, 38, 2, 12_500, 35, 4, 1,
                        List.of("publish orders: 40 published, 38 relayed, 1 relay failures",
                                "consume orders as shipping: 35 consumed, 4 retried, 1 dead-lettered"),
                        1, List.of(new DeadLetter("orders", "shipping", "m-17", 3, "no such sku", 1_764_936_000_000L)),
                        null));

        assertContains(StatusText.render(report).lines().toList(),
                "Messages: 40 published, 38 relayed, 35 consumed, 4 retried, 1 dead-lettered",
                "  Outbox backlog: 2 message(s) committed and not on a stream yet, the oldest for 12.5s",
                "  publish orders: 40 published, 38 relayed, 1 relay failures",
                "  Dead letters: 1 waiting in <stream>.dlq (newest first)",
                "    STREAM  GROUP     MESSAGE  ATTEMPTS  AT                    ERROR",
                "    orders  shipping  m-17     3         2025-12-05T12:00:00Z  no such sku");
    }

    @Test
    void deadLettersThatCannotBeReadSayWhyAndTheRestIsShown() {
        StatusReport report = new StatusReport(1, "1.0", "weft.yaml", 2, 0, 0, List.of(), null, null,
                new StatusReport.Messages(1, 0, 1, 800, 0, 0, 0, List.of(), 0, List.of(), "Redis is unreachable"));

        assertContains(StatusText.render(report).lines().toList(),
                "  Outbox backlog: 1 message(s) committed and not on a stream yet, the oldest for 800ms",
                "  Dead letters: could not be read: Redis is unreachable");
    }

    @Test
    void sessionsShowThisProcesssCounts() {
        StatusReport report = new StatusReport(1, "1.0", "weft.yaml", 8, 0, 0, List.of(), null, null, null, null,
                new StatusReport.Sessions(3, 40, 12, 2048, 1, 0, 5, 2), null, null);

        assertContains(StatusText.render(report).lines().toList(), "Sessions (this process): 3 active, 40 read,"
                + " 12 written (2048 bytes), 5 created, 2 invalidated, 1 refused by the allow-list, 0 Redis errors");
    }

    @Test
    void xaShowsItsCountsAndEveryInDoubtBranch() {
        StatusReport report = new StatusReport(1, "1.0", "weft.yaml", 1, 0, 0, List.of(), null, null, null, null, null,
                new StatusReport.Xa(5, 3, 2, 1, 0, 1, List.of(new dev.weft.runtime.xa.InDoubt("131077:0a:0b",
                        "jdbc:postgresql://db/bank as app")), null), null);

        assertContains(StatusText.render(report).lines().toList(),
                "XA: 1 open; 5 begun, 3 committed, 2 rolled back (1 timed out), 0 failed",
                "  IN DOUBT (XID)  DATABASE",
                "  131077:0a:0b    jdbc:postgresql://db/bank as app");
    }

    @Test
    void nothingHeldAndNobodyWaitingSaySo() {
        StatusReport idle = new StatusReport(1, "1.0", "weft.yaml", 0, 0, 0, List.of(),
                new StatusReport.Locks(0, 0, 0, 0, 0, List.of(), Map.of(), NONE, NONE), null, null);

        assertContains(StatusText.render(idle).lines().toList(), "  Held locks: none", "  Waiters: none");
    }

    @Test
    void jsonCarriesTheSameFacts() throws Exception {
        JsonNode json = new ObjectMapper().readTree(StatusCommand.json(LOCKS_ONLY));

        assertEquals(4242, json.get("pid").asLong());
        assertEquals("com.acme.Shop#restock(..)", json.at("/selectors/1/selector").asText());
        assertEquals(0, json.at("/selectors/1/wovenMethods").asLong());
        assertEquals(12.4, json.at("/selectors/0/waitTimes/p99Millis").asDouble());
        assertEquals("sku:widget-42", json.at("/locks/held/0/key").asText());
        assertEquals(1732612345678901L, json.at("/locks/held/0/token").asLong());
        assertEquals(3, json.at("/locks/waiters/sku:widget-42").asInt());
        assertTrue(json.get("transactions").isNull(), "no transactions configured");
    }

    @Test
    void durationsReadAtAGlance() {
        assertEquals(List.of("0.04ms", "9.99ms", "250ms", "2.5s", "1m00s"), List.of(StatusText.duration(0.04),
                StatusText.duration(9.99), StatusText.duration(250), StatusText.duration(2500),
                StatusText.duration(60_000)));
    }

    private static void assertContains(List<String> lines, String... expected) {
        for (String line : expected) {
            assertTrue(lines.contains(line), "missing line\n" + line + "\nin\n" + String.join("\n", lines));
        }
    }
}
