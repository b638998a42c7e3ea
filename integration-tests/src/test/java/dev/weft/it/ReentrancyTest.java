package dev.weft.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.reentrant.LedgerApp;
import dev.weft.testkit.JavaProcess;
import dev.weft.testkit.RedisExtension;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** SPEC 4, Locks: reentrant per thread; a thread already holding a key passes straight through. */
class ReentrancyTest {
    @RegisterExtension
    static final RedisExtension redis = new RedisExtension();

    @TempDir
    Path dir;

    @Test
    void aLockedMethodCallingAnotherOnTheSameKeyPassesThroughWhileOtherThreadsAreKeptOut() {
        Path config = WeftYaml.lock(dir, "ledger:{0}", "1s", "throw",
                "com.acme.reentrant.LedgerApp#audit(..)", "com.acme.reentrant.LedgerApp#balance(String)");
        JavaProcess app = Jvm.woven(config, redis.uri(), LedgerApp.class).start();
        Jvm.assertExitsCleanly(app);
        assertEquals(List.of(
                "REENTERED audited balance of acct-1",
                "WHILE_HELD dev.weft.api.LockUnavailableException",
                "AFTER ran"), app.stdoutLines(), app.report());
    }

    @Test
    void withoutTheAgentTheOtherThreadIsNotKeptOut() {
        JavaProcess app = Jvm.plain(LedgerApp.class).start();
        Jvm.assertExitsCleanly(app);
        assertEquals(List.of(
                "REENTERED audited balance of acct-1",
                "WHILE_HELD ran",
                "AFTER ran"), app.stdoutLines(), app.report());
    }
}
