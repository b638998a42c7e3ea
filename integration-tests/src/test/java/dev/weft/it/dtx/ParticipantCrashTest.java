package dev.weft.it.dtx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.dtx.Points;
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
 * Issue 8: the payee service dies (halts, as kill -9 would) inside a confirm, after its local transaction committed
 * and before the shared log knows. The root goes on with its next transfers meanwhile (they fail: the payee is gone,
 * and their debits are cancelled by the payer). The payee is then started again on the same database: it confirms
 * what is left, and with {@code jdbc.barrier: true} the replayed confirm is applied once. Control: the same with
 * {@code jdbc.barrier: false} applies the crashed confirm twice (money is made).
 */
class ParticipantCrashTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final FreshRedisExtension redis = new FreshRedisExtension();

    @ParameterizedTest(name = "barrier {0}")
    @ValueSource(booleans = {true, false})
    void aPayeeKilledDuringConfirmConfirmsOnceAfterItsRestart(boolean barrier) throws Exception {
        try (Services services = new Services(dir, redis.server(), true, barrier, "10s")) {
            Services.Service payer = services.payer("");
            Services.Service payee = services.payee("-Ddtx.crash=inConfirm@3");
            JavaProcess root = services.root(payer, payee, "", 8, 1, 41);
            String crashed = payee.process().awaitLine(l -> l.startsWith("CRASH inConfirm "), "CRASH inConfirm",
                    Jvm.TIMEOUT).substring("CRASH inConfirm ".length());
            assertEquals(Points.CRASH_STATUS, payee.process().awaitExit(Jvm.TIMEOUT), payee.process().report());
            Outcomes outcomes = Outcomes.of(root);
            assertTrue(outcomes.ok().contains(crashed), root.report());
            assertEquals(1, services.payeeBooks().count(crashed, "CREDIT_CONFIRM"), "the confirm committed, then the"
                    + " payee died");

            services.payee(""); // the payee again, same database, new port
            services.awaitLogEmpty();
            Books books = services.stopAndReadBooks();
            if (barrier) {
                assertEquals(Books.SETTLED, books.summary(), books + services.reports());
                assertEquals(List.of(), books.torn(), services.reports());
                assertTrue(books.committed(crashed), books.describe(crashed));
                for (String transfer : outcomes.ok()) {
                    assertTrue(books.committed(transfer), books.describe(transfer));
                }
                for (String transfer : outcomes.failed()) {
                    assertTrue(books.rolledBack(transfer), books.describe(transfer));
                }
            } else {
                assertEquals(2, books.count(crashed, "CREDIT_CONFIRM"), "replayed: " + books.describe(crashed));
                assertNotEquals(Books.SETTLED, books.summary());
            }
        }
    }
}
