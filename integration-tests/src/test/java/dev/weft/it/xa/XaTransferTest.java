package dev.weft.it.xa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.xa.XaBankApp;
import dev.weft.it.Jvm;
import dev.weft.it.Postgres;
import dev.weft.it.WeftYaml;
import dev.weft.testkit.JavaProcess;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SPEC 7: a method that writes to H2 and then to PostgreSQL through two HikariCP pools, each with its own local
 * commit, named in xa.global: both or neither. Control: the same application without the agent loses money whenever
 * the failure falls between the two writes.
 */
class XaTransferTest {
    private static final int TRANSFERS = 12;
    private static final int FAIL_EVERY = 3;

    @TempDir
    Path root;

    @Test
    void aFailureAfterTheFirstDatabaseWriteUndoesBothWrites() {
        JavaProcess run = woven("", "run", TRANSFERS, FAIL_EVERY);
        Jvm.assertExitsCleanly(run);
        int succeeded = TRANSFERS - TRANSFERS / FAIL_EVERY;
        assertEquals("BALANCES " + (1000 - 10 * succeeded) + " " + (1000 + 10 * succeeded), balances(run),
                run.report());
    }

    @Test
    void controlWithoutTheAgentTheFailedTransfersDestroyMoney() {
        JavaProcess run = Jvm.plain(XaBankApp.class, "run", "" + TRANSFERS, "" + FAIL_EVERY)
                .option("-Dxa.h2=" + h2Url()).option("-Dxa.pg=" + pgUrl()).start();
        Jvm.assertExitsCleanly(run);
        String[] balances = balances(run).split(" ");
        long sum = Long.parseLong(balances[1]) + Long.parseLong(balances[2]);
        assertNotEquals(2000, sum, run.report());
        assertEquals(2000 - 10 * (TRANSFERS / FAIL_EVERY), sum, run.report());
    }

    /**
     * kill -9 at each step of the first transfer's two-phase commit (H2 prepares first, then PostgreSQL); the restart
     * resolves every branch: rolled back when no commit decision was logged (presumed abort), committed when it was.
     */
    @ParameterizedTest(name = "killed at {0}")
    @CsvSource({
            "firstPrepare, 1000, 1000, 0",  // H2 prepared, PostgreSQL not: no decision, both rolled back
            "allPrepared,  1000, 1000, 1",  // both prepared, decision not logged: both rolled back
            "decision,      990, 1010, 1",  // decision logged, nothing committed: both committed
            "firstCommit,   990, 1010, 1",  // H2 committed, PostgreSQL prepared: PostgreSQL committed
    })
    void killedDuringTwoPhaseCommitARestartResolvesEveryBranch(String point, long alice, long bob,
                                                               long preparedInPostgresAtTheKill) throws SQLException {
        JavaProcess run = woven("-Dweft.xa.haltAt=" + point, "run", 3, 0);
        run.awaitErrorLine(line -> line.contains("WEFT-HALT " + point), "the halt point", Jvm.TIMEOUT);
        Jvm.kill9(run);
        assertEquals(preparedInPostgresAtTheKill, preparedInPostgres(), "prepared in PostgreSQL at the kill");

        JavaProcess check = woven("", "check");
        Jvm.assertExitsCleanly(check);
        assertTrue(check.stdoutLines().contains("NOTHING IN DOUBT"), check.report());
        assertEquals("BALANCES " + alice + " " + bob, balances(check), check.report());
        assertEquals(0, preparedInPostgres());
    }

    private JavaProcess woven(String options, String command, Object... args) {
        Path config = WeftYaml.write(root, """
                xa:
                  objectStore: %s
                  timeout: 30s
                  global:
                    - method: com.acme.xa.TransferService#move(long, boolean)
                """.formatted(root.resolve("xa-store")));
        String[] arguments = new String[args.length + 1];
        arguments[0] = command;
        for (int i = 0; i < args.length; i++) {
            arguments[i + 1] = String.valueOf(args[i]);
        }
        JavaProcess.Builder jvm = Jvm.plain(XaBankApp.class, arguments).option("-Dxa.h2=" + h2Url())
                .option("-Dxa.pg=" + pgUrl()).option("-DRecoveryEnvironmentBean.recoveryBackoffPeriod=1")
                // Narayana leaves a prepared branch with no decision for 20 s (it may still be preparing); the
                // restart comes sooner than that here
                .option("-DJTAEnvironmentBean.orphanSafetyInterval=1000");
        for (String option : options.isBlank() ? new String[0] : options.split(" ")) {
            jvm.option(option);
        }
        return jvm.agent(Jvm.agentJar(), "config=" + config).start();
    }

    private String h2Url() {
        return "jdbc:h2:file:" + root.resolve("h2").resolve("bank");
    }

    private String pgUrl;

    private String pgUrl() {
        if (pgUrl == null) {
            pgUrl = Postgres.newDatabase("xabank");
        }
        return pgUrl;
    }

    private long preparedInPostgres() throws SQLException {
        try (Connection connection = DriverManager.getConnection(pgUrl(), "postgres", "postgres");
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM pg_prepared_xacts WHERE database = current_database()")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static String balances(JavaProcess process) {
        return process.stdoutLines().stream().filter(line -> line.startsWith("BALANCES")).findFirst()
                .orElseThrow(() -> new AssertionError("no BALANCES line" + process.report()));
    }
}
