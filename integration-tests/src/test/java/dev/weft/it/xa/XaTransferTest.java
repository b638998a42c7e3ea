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

    @Test
    void killedBetweenPrepareAndCommitARestartCommitsBothBranches() throws SQLException {
        JavaProcess run = woven("-Dweft.xa.haltAt=decision", "run", 3, 0);
        run.awaitErrorLine(line -> line.contains("WEFT-XA-HALT decision"), "the halt point", Jvm.TIMEOUT);
        Jvm.kill9(run);
        assertEquals(1, preparedInPostgres(), "PostgreSQL holds the prepared branch before the restart");

        JavaProcess check = woven("", "check");
        Jvm.assertExitsCleanly(check);
        assertTrue(check.stdoutLines().contains("NOTHING IN DOUBT"), check.report());
        assertEquals("BALANCES 990 1010", balances(check), check.report());
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
                .option("-Dxa.pg=" + pgUrl()).option("-DRecoveryEnvironmentBean.recoveryBackoffPeriod=1");
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
             ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM pg_prepared_xacts")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static String balances(JavaProcess process) {
        return process.stdoutLines().stream().filter(line -> line.startsWith("BALANCES")).findFirst()
                .orElseThrow(() -> new AssertionError("no BALANCES line" + process.report()));
    }
}
