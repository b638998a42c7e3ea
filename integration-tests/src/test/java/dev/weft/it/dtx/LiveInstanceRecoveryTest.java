package dev.weft.it.dtx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.it.Jvm;
import dev.weft.testkit.FreshRedisExtension;
import dev.weft.testkit.JavaProcess;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 8: "recovery can be done by any live instance of the owning service, with one owner per transaction at a
 * time". Two payee instances run at once (same weft.yaml, same PostgreSQL database); the root calls the first. Both
 * are woken for each commit, and one of them (whichever takes the transaction's owner lock) runs the confirm of the
 * last transfer; it stops there right after its local commit, and the test kills it with {@code kill -9}. Nobody is
 * restarted: once the dead instance's owner lock has run out (10 s lease), the OTHER instance, live all along, finishes
 * the confirm from the due queue. With {@code jdbc.barrier: true} the replayed confirm finds the barrier row and does
 * nothing: the credit is confirmed once. Control: {@code jdbc.barrier: false}, where the other instance runs the
 * confirm's body again (the test sees it arrive there) and the credit is booked twice.
 */
class LiveInstanceRecoveryTest {
    private static final int TRANSFERS = 4;
    private static final int SEED = 53;
    /** The last transfer: the root has nothing left to do once it committed, whichever payee dies. */
    private static final String VICTIM = "t" + SEED + "-" + (TRANSFERS - 1);

    @TempDir
    Path dir;
    @RegisterExtension
    final FreshRedisExtension redis = new FreshRedisExtension();

    @ParameterizedTest(name = "barrier {0}")
    @ValueSource(booleans = {true, false})
    void aPayeeKilledInsideConfirmIsFinishedByTheOtherLiveInstance(boolean barrier) throws Exception {
        try (Services services = new Services(dir, redis.server(), true, barrier, "10s")) {
            Services.Service payer = services.payer("");
            String pause = "-Ddtx.pause=inConfirm@" + VICTIM;
            Services.Service first = services.payee(pause);
            Services.Service second = services.payee(pause);
            JavaProcess root = services.root(payer, first, "", TRANSFERS, 1, SEED);
            String paused = "PAUSED inConfirm " + VICTIM;
            Services.Service confirming = Services.firstToPrint(paused, first, second);
            Services.Service other = confirming == first ? second : first;
            assertEquals(1, services.payeeBooks().count(VICTIM, "CREDIT_CONFIRM"), "the confirm committed");
            Jvm.kill9(confirming.process());
            Outcomes outcomes = Outcomes.of(root);
            assertTrue(outcomes.ok().contains(VICTIM), root.report());

            if (!barrier) {
                // The other instance runs the confirm's body again, and arrives at the same point: let it go on.
                other.process().awaitLine(paused, Jvm.TIMEOUT);
                other.process().send("GO");
            }
            services.awaitLogEmpty(); // only a payee runs the credit's confirm, and the other one is the only one left
            Books books = services.stopAndReadBooks();
            String which = " (killed: the " + (confirming == first ? "first" : "second")
                    + " payee instance, which the root " + (confirming == first ? "called" : "did not call") + ")";
            if (barrier) {
                assertEquals(Books.SETTLED, books.summary(), books + which + services.reports());
                assertEquals(List.of(), books.torn(), services.reports());
                for (String transfer : outcomes.ok()) {
                    assertTrue(books.committed(transfer), books.describe(transfer) + which);
                }
                for (String transfer : outcomes.failed()) { // none, unless the machine is too slow for redis.timeout
                    assertTrue(books.rolledBack(transfer), books.describe(transfer) + which);
                }
                assertFalse(other.process().stdoutLines().contains(paused), "the replayed confirm did nothing");
            } else {
                assertEquals(2, books.count(VICTIM, "CREDIT_CONFIRM"), "replayed: " + books.describe(VICTIM) + which);
                assertNotEquals(Books.SETTLED, books.summary());
            }
        }
    }
}
