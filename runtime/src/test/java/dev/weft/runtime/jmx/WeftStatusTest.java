package dev.weft.runtime.jmx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.lock.HeldLockInfo;
import dev.weft.runtime.tcc.TransactionInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.management.MBeanServerFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code weft status} reads through MXBean proxies, as it does over an attached connection. */
class WeftStatusTest {
    @TempDir
    Path dir;
    Fixture jvm;

    @BeforeEach
    void register() throws Exception {
        jvm = new Fixture(dir);
    }

    @Test
    void aJvmWithoutWeftHasNoReport() throws Exception {
        assertTrue(WeftStatus.read(MBeanServerFactory.newMBeanServer(), 1).isEmpty());
    }

    @Test
    void theReportHoldsTheAgentTheSelectorsAndTheLocks() throws Exception {
        HeldLockInfo held = new HeldLockInfo("sku:1", "clerk-1", 42, 1500, 8500, false);
        jvm.locks.acquired = 3;
        jvm.locks.held = List.of(held);
        jvm.locks.waiters = Map.of("sku:1", 2);

        StatusReport report = WeftStatus.read(jvm.server, 4242).orElseThrow();

        assertEquals(4242, report.pid());
        assertEquals(jvm.configFile.toString(), report.configFile());
        // and of Weft's own JDBC hooks, only the one that wove a method
        assertEquals(List.of(Fixture.RESERVE, Fixture.RESTOCK, "+java.sql.Statement#execute()"),
                report.selectors().stream().map(SelectorView::selector).toList());
        assertEquals(3, report.selectors().get(0).calls());
        assertEquals(3, report.locks().acquired());
        assertEquals(1, report.locks().heldNow());
        assertEquals(List.of(held), report.locks().held());
        assertEquals(Map.of("sku:1", 2), report.locks().waiters());
        assertEquals(2, report.locks().holdTimes().count());
        assertNull(report.transactions(), "no Transactions bean: no transactions configured");
    }

    @Test
    void transactionsAreReadWhenTheirBeanIsRegistered() throws Exception {
        long started = System.currentTimeMillis() - 90_000;
        TransactionInfo open = new TransactionInfo("tx-1", "TRYING", "com.acme.Bank#transfer", started, started + 60_000,
                2, 2, 0, null);
        TransactionInfo failed = new TransactionInfo("tx-0", "FAILED", "com.acme.Bank#transfer", started,
                started + 60_000, 2, 1, 5, "cancel keeps failing: timeout");
        WeftMBeans.register(jvm.server, WeftMBeans.TRANSACTIONS, TransactionsMXBean.class,
                new Transactions(List.of(open), List.of(failed)), null);

        StatusReport.Transactions tx = WeftStatus.read(jvm.server, 1).orElseThrow().transactions();

        assertEquals(List.of(10L, 7L, 1L, 1L, 0L, 1L),
                List.of(tx.begun(), tx.committed(), tx.rolledBack(), tx.active(), tx.recovering(), tx.failed()));
        assertEquals("tx-1 TRYING 2 com.acme.Bank#transfer", describe(tx.open().get(0)));
        assertEquals("tx-0 FAILED 2 com.acme.Bank#transfer: cancel keeps failing: timeout",
                describe(tx.failedTransactions().get(0)));
        assertTrue(tx.open().get(0).ageMillis() >= 90_000, "age is taken at reading time");
    }

    private static String describe(TransactionView t) {
        return t.xid() + " " + t.state() + " " + t.branches() + " " + t.detail();
    }

    private record Transactions(List<TransactionInfo> open, List<TransactionInfo> failed)
            implements TransactionsMXBean {
        @Override public long getBegun() { return 10; }
        @Override public long getCommitted() { return 7; }
        @Override public long getRolledBack() { return 1; }
        @Override public long getActive() { return open.size(); }
        @Override public long getRecovering() { return 0; }
        @Override public long getFailed() { return failed.size(); }
        @Override public List<TransactionInfo> getOpenTransactions() { return open; }
        @Override public List<TransactionInfo> getFailedTransactions() { return failed; }
        @Override public boolean retry(String xid) { return false; }
        @Override public boolean forget(String xid) { return false; }
    }
}
