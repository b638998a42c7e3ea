package dev.weft.it.lock;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.acme.exit.ExitAfterLockApp;
import dev.weft.it.Jvm;
import dev.weft.it.WeftYaml;
import dev.weft.testkit.JavaProcess;
import dev.weft.testkit.FreshRedisExtension;
import dev.weft.testkit.Resp;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/locks.md, "What is guaranteed": a method returns once its release is sent, and a JVM that stops waits for the
 * releases under way, so its locks are free when it has exited. Redis is made to hold the release back (CLIENT PAUSE
 * WRITE) while the app returns and its JVM exits; Redis drops a paused command whose client has gone. With the wait
 * the lock is free once the pause ends. The control: the same app halting as main returns, which skips the wait as
 * any exit without it would, leaves the lock held until its lease runs out.
 */
class ReleaseAtExitTest {
    /** {@code <keyPrefix>lock:{<rendered key>}} (SPEC section 4); its field {@code o} names the owner while held. */
    private static final String LOCK = "weft:lock:{stock:sku-1}";
    private static final long PAUSE_MILLIS = 1500;

    @RegisterExtension
    final FreshRedisExtension redis = new FreshRedisExtension();

    @TempDir
    Path dir;

    @Test
    void aJvmThatExitsRightAfterAReleaseLeavesTheLockFree() {
        assertNull(ownerAfterExit(), "the lock was released before the JVM exited");
    }

    @Test
    void theControlAJvmHaltedAsMainReturnsLeavesTheLockHeld() {
        assertNotNull(ownerAfterExit("--halt"), "without the wait at exit the release is lost while Redis holds it back");
    }

    /** The lock's owner in Redis once the app has exited and the pause has ended; null when it is free. */
    private Object ownerAfterExit(String... args) {
        Path config = WeftYaml.lock(dir, "stock:{0}", "1s", "throw", "com.acme.exit.ExitAfterLockApp#reserve(String)");
        try (JavaProcess app = Jvm.woven(config, redis.server().uri(), ExitAfterLockApp.class, args).start()) {
            app.awaitLine("LOCKED sku-1", Jvm.TIMEOUT);
            Resp.call(redis.server().port(), "CLIENT", "PAUSE", Long.toString(PAUSE_MILLIS), "WRITE");
            app.send("GO");
            Jvm.assertExitsCleanly(app);
        }
        Resp.call(redis.server().port(), "CLIENT", "UNPAUSE");
        return Resp.call(redis.server().port(), "HGET", LOCK, "o");
    }
}
