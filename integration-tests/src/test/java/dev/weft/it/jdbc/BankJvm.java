package dev.weft.it.jdbc;

import com.acme.bank.BankApp;
import dev.weft.it.Jvm;
import dev.weft.it.WeftYaml;
import dev.weft.testkit.JavaProcess;
import java.nio.file.Path;
import java.util.List;

/** {@code BankApp} in a JVM of its own, with the agent and {@code jdbc.barrier} on or off. */
final class BankJvm {
    private BankJvm() {
    }

    static JavaProcess start(Setup setup, boolean barrier, TestDatabase db, String scenario, Path dir) {
        Path config = WeftYaml.write(dir, """
                jdbc:
                  barrier: %s
                """.formatted(barrier));
        JavaProcess.Builder app = Jvm.plain(BankApp.class, db.url, db.user, db.password, setup.pool(), scenario,
                "xid-1");
        // no lock is configured, so the Redis URI is never used
        return Jvm.attach(app, config, "redis://127.0.0.1:1").start();
    }

    /** Runs {@code scenario} to its end and returns what it printed: one line per phase. */
    static List<String> run(Setup setup, boolean barrier, TestDatabase db, String scenario, Path dir) {
        JavaProcess app = start(setup, barrier, db, scenario, dir);
        Jvm.assertExitsCleanly(app);
        return app.stdoutLines();
    }
}
