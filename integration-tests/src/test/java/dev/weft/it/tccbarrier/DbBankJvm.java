package dev.weft.it.tccbarrier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.bank.Crash;
import com.acme.dbbank.Books;
import com.acme.dbbank.DbBank;
import dev.weft.it.Jvm;
import dev.weft.it.WeftYaml;
import dev.weft.testkit.JavaProcess;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * {@code com.acme.dbbank.DbBank} on an H2 file database and a transaction log in one directory, always with the agent,
 * with {@code jdbc.barrier} on or off (the control). Its system properties (crash point, failure rate) travel in
 * {@code JAVA_TOOL_OPTIONS}.
 */
final class DbBankJvm {
    static final String SETTLED = "TOTAL 5000 FROZEN 0 INCOMING 0 DUPLICATES 0";

    private final Path dir;
    private final Path config;
    /** WRITE_DELAY=0: H2 otherwise writes commits out up to half a second later, lost when the JVM halts. */
    private final String url;

    DbBankJvm(Path dir, boolean barrier) {
        this(dir, barrier, false);
    }

    /**
     * @param autoServer H2 in {@code AUTO_SERVER} mode, as the demo runs it: the first JVM to open the file serves it
     *                   to the others over TCP, and opening it also opens H2's own in-memory management database
     */
    DbBankJvm(Path dir, boolean barrier, boolean autoServer) {
        this.dir = dir;
        this.url = "jdbc:h2:file:" + dir.resolve("bank").toAbsolutePath() + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000"
                + (autoServer ? ";AUTO_SERVER=TRUE" : "");
        this.config = WeftYaml.write(dir, """
                transactions:
                  log:
                    dir: ${BANK_DIR}/txlog
                  timeout: 3s
                  retry:
                    initial: 50ms
                    max: 500ms
                    maxAttempts: 100
                  global:
                    - method: com.acme.dbbank.TransferService#transfer(..)
                  participants:
                    - try: com.acme.dbbank.DebitService#debit(String, String, long)
                      confirm: confirmDebit
                      cancel: cancelDebit
                    - try: com.acme.dbbank.CreditService#credit(String, String, long)
                      confirm: confirmCredit
                      cancel: cancelCredit
                jdbc:
                  barrier: %s
                """.formatted(barrier));
    }

    JavaProcess start(String systemProperties, String... args) {
        return Jvm.plain(DbBank.class, args)
                .env("BANK_DIR", dir.toString())
                .env("BANK_DB", url)
                .env("JAVA_TOOL_OPTIONS", systemProperties)
                .agent(Jvm.agentJar(), "config=" + config)
                .start();
    }

    /** {@code run <transfers> 2 <seed>} that halts at {@code point}, its {@code occurrence}-th time. */
    void runAndCrash(String systemProperties, String point, int occurrence, int transfers, int seed) {
        assertCrashed(start(systemProperties + " -Dbank.crash=" + point + " -Dbank.crashAt=" + occurrence, "run",
                Integer.toString(transfers), "2", Integer.toString(seed)), point);
    }

    /** A start that finishes what earlier runs left (and nothing FAILED); then the books. */
    String recovered() throws SQLException {
        settleCleanly(start("", "check"));
        return books().summary();
    }

    static void settleCleanly(JavaProcess process) {
        Jvm.assertExitsCleanly(process);
        assertTrue(process.stdoutLines().contains("FAILED 0"), process.report());
    }

    static void assertCrashed(JavaProcess process, String point) {
        assertEquals(Crash.EXIT_STATUS, process.awaitExit(Jvm.TIMEOUT), process.report());
        assertTrue(process.stdoutLines().contains("CRASH " + point), process.report());
    }

    Books books() {
        return new Books(url);
    }
}
