package dev.weft.it.dtx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.dtx.CreditService;
import dev.weft.testkit.JavaProcess;
import dev.weft.testkit.RedisServer;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8: a transfer runs across three services, each its own JVM (root with the global method; payer on the JDK
 * HttpServer with H2; payee on embedded Tomcat with PostgreSQL), the transaction carried over HTTP and kept in a
 * shared log in Redis. The payee refuses 30% of the credits after committing its try's work. Everything must end
 * consistent: the sum intact, nothing frozen or incoming, every transfer both-or-neither, each phase's work once.
 */
class DistributedTransferTest {
    private static final int TRANSFERS = 30;
    private static final int SEED = 7;
    private static final int REFUSE_PERCENT = 30;

    @TempDir
    Path dir;
    private RedisServer redis;

    @BeforeEach
    void startRedis() {
        redis = RedisServer.start();
    }

    @AfterEach
    void stopRedis() {
        redis.close();
    }

    @Test
    void transfersAcrossThreeServicesSettleWithEachPhaseOnce() throws Exception {
        try (Services services = new Services(dir, redis, true, true, "10s")) {
            Outcomes outcomes = run(services);
            services.awaitLogEmpty();
            Books books = services.stopAndReadBooks();
            assertEquals(Books.SETTLED, books.summary(), books + services.reports());
            assertEquals(List.of(), books.torn(), services.reports());
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
    }

    /** Control: without the agent, nothing confirms or cancels anything; money stays frozen and incoming. */
    @Test
    void controlWithoutTheAgentMoneyStaysFrozen() throws Exception {
        try (Services services = new Services(dir, redis, false, true, "10s")) {
            Outcomes outcomes = run(services);
            Books books = services.stopAndReadBooks();
            assertEquals(refused().stream().sorted().toList(), outcomes.failed().stream().sorted().toList());
            assertTrue(books.frozen() > 0 && books.incoming() > 0, books.toString());
            assertEquals(0, books.committedCount(), books.toString());
        }
    }

    /** Control: with the agent and {@code jdbc.barrier: false}, a credit that committed and then threw keeps its work. */
    @Test
    void controlWithoutTheBarrierARefusedCreditsWorkStays() throws Exception {
        try (Services services = new Services(dir, redis, true, false, "10s")) {
            run(services);
            services.awaitLogEmpty();
            Books books = services.stopAndReadBooks();
            assertEquals(0, books.frozen(), books.toString());
            assertTrue(books.incoming() > 0, "the refused credits' incoming money stays: " + books);
        }
    }

    /** Runs the transfers to the end (the root has exited); the participants still run. */
    private static Outcomes run(Services services) {
        Services.Service payer = services.payer("");
        Services.Service payee = services.payee("-Ddtx.refusePercent=" + REFUSE_PERCENT);
        JavaProcess root = services.root(payer, payee, "", TRANSFERS, 2, SEED);
        return Outcomes.of(root);
    }

    private static List<String> refused() {
        return IntStream.range(0, TRANSFERS).mapToObj(i -> "t" + SEED + "-" + i)
                .filter(t -> CreditService.refuses(t, REFUSE_PERCENT)).toList();
    }
}
