package dev.weft.it.dtx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.it.Jvm;
import dev.weft.testkit.FreshRedisExtension;
import dev.weft.testkit.JavaProcess;
import dev.weft.testkit.Signals;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 8: the root service is killed with {@code kill -9} in the middle of a transfer whose tries ran in the other
 * two services. Nobody restarts it: the live participant services finish the transaction by themselves.
 * <ul>
 *   <li>After the decision (its global method returned, so the commit is durable), with the payer and the payee
 *   frozen (SIGSTOP) until the root is dead, so that no confirm can have started before: both sides are confirmed,
 *   once. With the shared log in Redis, and in a PostgreSQL database ({@code transactions.log.type: jdbc}).
 *   <li>Before the decision (both tries returned, the global method has not): once past the transaction's timeout
 *   (2s), the participants roll it back: both tries cancelled, once.
 * </ul>
 * Controls: the same kills without the agent leave the money frozen at the payer and incoming at the payee.
 */
class RootCrashTest {
    /** The third of five transfers, on one thread: two commit before it, none starts after it. */
    private static final int VICTIM = 3;

    @TempDir
    Path dir;
    @RegisterExtension
    final FreshRedisExtension redis = new FreshRedisExtension();

    @ParameterizedTest(name = "log in {0}")
    @EnumSource(Services.Store.class)
    void rootKilledAfterTheDecisionTheParticipantsConfirmOnce(Services.Store store) throws Exception {
        try (Services services = new Services(dir, redis.server(), store, true, true, "10s")) {
            String victim = killAfterTheDecision(services);
            services.awaitLogEmpty();
            Books books = services.stopAndReadBooks();
            assertEquals(Books.SETTLED, books.summary(), books + services.reports());
            assertEquals(List.of(), books.torn(), services.reports());
            assertTrue(books.committed(victim), books.describe(victim));
            assertEquals(VICTIM, books.committedCount(), books.toString());
        }
    }

    @Test
    void controlWithoutTheAgentRootKilledAfterItsMethodReturnedLeavesMoneyFrozen() throws Exception {
        try (Services services = new Services(dir, redis.server(), false, true, "10s")) {
            String victim = killAfterTheDecision(services);
            Books books = services.stopAndReadBooks();
            assertTrue(books.frozen() > 0 && books.incoming() > 0, books.toString());
            assertEquals(0, books.count(victim, "DEBIT_CONFIRM") + books.count(victim, "CREDIT_CONFIRM"),
                    books.describe(victim));
        }
    }

    @Test
    void rootKilledBeforeTheDecisionTheParticipantsRollBackPastTheTimeout() throws Exception {
        // 5 s, not 2: on a loaded 2-core machine a transfer before the victim took longer than 2 s and was rightly
        // rolled back, which this test counts as a commit missing
        try (Services services = new Services(dir, redis.server(), true, true, "5s")) {
            String victim = killBeforeTheDecision(services);
            services.awaitLogEmpty();
            Books books = services.stopAndReadBooks();
            assertEquals(Books.SETTLED, books.summary(), books + services.reports());
            assertEquals(List.of(), books.torn(), services.reports());
            assertTrue(books.rolledBack(victim), books.describe(victim));
            assertEquals(1, books.count(victim, "DEBIT_CANCEL"), books.describe(victim));
            assertEquals(1, books.count(victim, "CREDIT_CANCEL"), books.describe(victim));
            assertEquals(VICTIM - 1, books.committedCount(), books.toString());
        }
    }

    @Test
    void controlWithoutTheAgentRootKilledBeforeTheDecisionLeavesMoneyFrozen() throws Exception {
        try (Services services = new Services(dir, redis.server(), false, true, "2s")) {
            String victim = killBeforeTheDecision(services);
            Books books = services.stopAndReadBooks();
            assertTrue(books.frozen() > 0 && books.incoming() > 0, books.toString());
            assertFalse(books.rolledBack(victim) || books.committed(victim), books.describe(victim));
        }
    }

    /**
     * Five transfers on one thread; the third pauses after its tries. The payer and the payee are frozen, the root
     * goes on, returns from its global method (the commit is durable) and pauses again; it is killed with kill -9
     * there, and only then do the participants go on.
     */
    private String killAfterTheDecision(Services services) {
        Services.Service payer = services.payer("");
        Services.Service payee = services.payee("");
        JavaProcess root = services.root(payer, payee,
                "-Ddtx.pause=afterTries@" + VICTIM + ",committed@" + VICTIM, 5, 1, 31);
        String victim = pausedAt(root, "afterTries");
        Signals.send("STOP", payer.process().pid(), payee.process().pid());
        try {
            root.send("GO");
            assertEquals(victim, pausedAt(root, "committed"));
            assertTrue(Outcomes.read(root).ok().contains(victim), root.report());
            Jvm.kill9(root);
        } finally {
            Signals.send("CONT", payer.process().pid(), payee.process().pid());
        }
        return victim;
    }

    /** Five transfers on one thread; the third pauses after its tries, and the root is killed with kill -9 there. */
    private String killBeforeTheDecision(Services services) {
        Services.Service payer = services.payer("");
        Services.Service payee = services.payee("");
        JavaProcess root = services.root(payer, payee, "-Ddtx.pause=afterTries@" + VICTIM, 5, 1, 37);
        String victim = pausedAt(root, "afterTries");
        Jvm.kill9(root);
        return victim;
    }

    private static String pausedAt(JavaProcess root, String point) {
        String prefix = "PAUSED " + point + " ";
        return root.awaitLine(line -> line.startsWith(prefix), prefix + "<transfer>", Jvm.TIMEOUT)
                .substring(prefix.length());
    }
}
