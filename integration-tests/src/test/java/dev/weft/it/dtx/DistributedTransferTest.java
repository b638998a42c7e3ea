package dev.weft.it.dtx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.dtx.CreditService;
import dev.weft.testkit.FreshRedisExtension;
import dev.weft.testkit.JavaProcess;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 8: a transfer runs across three services, each its own JVM (root with the global method; payer on the JDK
 * HttpServer with H2; payee on embedded Tomcat with PostgreSQL), the transaction carried over HTTP and kept in a
 * shared log in Redis or in a PostgreSQL database ({@code transactions.log.type: jdbc}). The payee refuses 30% of the
 * credits after committing its try's work. Everything must end consistent: the sum intact, nothing frozen or incoming,
 * every transfer both-or-neither, each phase's work once. Also with the payee on a javax servlet container (Jetty 9.4).
 */
class DistributedTransferTest {
    private static final int TRANSFERS = 30;
    private static final int SEED = 7;
    private static final int REFUSE_PERCENT = 30;

    @TempDir
    Path dir;
    @RegisterExtension
    final FreshRedisExtension redis = new FreshRedisExtension();

    @ParameterizedTest(name = "log in {0}")
    @EnumSource(Services.Store.class)
    void transfersAcrossThreeServicesSettleWithEachPhaseOnce(Services.Store store) throws Exception {
        try (Services services = new Services(dir, redis.server(), store, true, true, "10s")) {
            assertSettledAsPredicted(services, run(services, false));
        }
    }

    /** The same with the payee on Jetty 9.4 (javax servlets): Weft binds the transaction there too. */
    @Test
    void transfersWithThePayeeOnAJavaxServletContainerSettle() throws Exception {
        try (Services services = new Services(dir, redis.server(), true, true, "10s")) {
            assertSettledAsPredicted(services, run(services, true));
        }
    }

    /**
     * Control: without the agent (payee on Tomcat, or on Jetty with javax servlets), nothing confirms or cancels
     * anything; money stays frozen and incoming.
     */
    @ParameterizedTest(name = "javax payee {0}")
    @ValueSource(booleans = {false, true})
    void controlWithoutTheAgentMoneyStaysFrozen(boolean javax) throws Exception {
        try (Services services = new Services(dir, redis.server(), false, true, "10s")) {
            Outcomes outcomes = run(services, javax);
            Books books = services.stopAndReadBooks();
            assertEquals(refused().stream().sorted().toList(), outcomes.failed().stream().sorted().toList());
            assertTrue(books.frozen() > 0 && books.incoming() > 0, books.toString());
            assertEquals(0, books.committedCount(), books.toString());
        }
    }

    /** Control: with the agent and {@code jdbc.barrier: false}, a credit that committed and then threw keeps its work. */
    @Test
    void controlWithoutTheBarrierARefusedCreditsWorkStays() throws Exception {
        try (Services services = new Services(dir, redis.server(), true, false, "10s")) {
            run(services);
            services.awaitLogEmpty();
            Books books = services.stopAndReadBooks();
            assertEquals(0, books.frozen(), books.toString());
            assertTrue(books.incoming() > 0, "the refused credits' incoming money stays: " + books);
        }
    }

    /**
     * Waits until the log is empty, stops the services and checks the books: settled, and each transfer's outcome at
     * the root as the payee's refusals predict (refused ones rolled back, with the refused credit cancelled).
     */
    private static void assertSettledAsPredicted(Services services, Outcomes outcomes) throws Exception {
        services.awaitLogEmpty();
        Books books = services.stopAndReadBooks();
        assertEquals(Books.SETTLED, books.summary(), books + services.reports());
        assertEquals(List.of(), books.torn(), services.reports());
        // Two threads start their first phases together on a fresh database: each service says it once all the same
        assertEquals(1, services.mostErrorLinesWith("created table weft_tcc_barrier"), services.reports());
        List<String> refused = refused();
        assertFalse(refused.isEmpty(), "the seed must make the payee refuse some credits");
        for (String transfer : outcomes.ok()) {
            assertFalse(refused.contains(transfer), transfer);
            assertTrue(books.committed(transfer), books.describe(transfer));
        }
        for (String transfer : outcomes.failed()) {
            assertTrue(refused.contains(transfer), "only refused credits fail: " + outcomes.failureLines());
            assertTrue(books.rolledBack(transfer), books.describe(transfer));
            assertEquals(1, books.count(transfer, "CREDIT_CANCEL"),
                    "the refused credit committed its work, so it is cancelled: " + books.describe(transfer));
        }
        assertEquals(TRANSFERS, outcomes.ok().size() + outcomes.failed().size());
        assertEquals(outcomes.ok().size(), books.committedCount());
    }

    /** Runs the transfers to the end (the root has exited); the participants still run. */
    private static Outcomes run(Services services) {
        return run(services, false);
    }

    /** @param javax whether the payee runs on Jetty 9.4 (javax servlets) rather than Tomcat 11 (jakarta) */
    private static Outcomes run(Services services, boolean javax) {
        Services.Service payer = services.payer("");
        String refusals = "-Ddtx.refusePercent=" + REFUSE_PERCENT;
        Services.Service payee = javax ? services.javaxPayee(refusals) : services.payee(refusals);
        JavaProcess root = services.root(payer, payee, "", TRANSFERS, 2, SEED);
        return Outcomes.of(root);
    }

    private static List<String> refused() {
        return IntStream.range(0, TRANSFERS).mapToObj(i -> "t" + SEED + "-" + i)
                .filter(t -> CreditService.refuses(t, REFUSE_PERCENT)).toList();
    }
}
