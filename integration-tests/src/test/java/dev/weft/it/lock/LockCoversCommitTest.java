package dev.weft.it.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.stock.StockApp;
import com.acme.stock.StockApp.Variant;
import dev.weft.it.Jvm;
import dev.weft.it.WeftYaml;
import dev.weft.testkit.JavaProcess;
import dev.weft.testkit.RedisExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/locks.md, "Held until the data is committed": a plain Spring application (HikariCP, H2 file database) whose
 * locked methods run inside transactions that commit after they return. Two JVMs decrement each variant's row 100
 * times each from 1000: exactly 800 must be left. Without the agent the same run loses updates.
 */
class LockCoversCommitTest {
    private static final int JVMS = 2;
    private static final int DECREMENTS = 100;
    private static final long START = 1000;
    private static final long EXPECTED = START - JVMS * DECREMENTS;

    @RegisterExtension
    static final RedisExtension redis = new RedisExtension();

    @TempDir
    Path dir;
    Server h2;

    @BeforeEach
    void startDatabase() throws SQLException {
        h2 = Server.createTcpServer("-tcpPort", "0", "-baseDir", dir.toString(), "-ifNotExists").start();
        try (Connection connection = connect(); Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE stock (id BIGINT PRIMARY KEY, quantity BIGINT NOT NULL)");
            for (Variant variant : Variant.values()) {
                sql.execute("INSERT INTO stock VALUES (" + variant.row() + ", " + START + ")");
            }
        }
    }

    @AfterEach
    void stopDatabase() {
        h2.stop();
    }

    @Test
    void everyTransactionKindCommitsBeforeTheNextHolderReads() throws SQLException {
        Path config = WeftYaml.write(dir, """
                redis:
                  uri: ${REDIS_URI}
                  timeout: 5s
                locks:
                  - method: com.acme.stock.StockService#decrement(long)
                    key: "stock:{0}"
                    wait: 30s
                  - method: com.acme.stock.InventoryService#decrement(long)
                    key: "stock:{0}"
                    wait: 30s
                  - method: com.acme.stock.StockRows#decrement(long)
                    key: "stock:{0}"
                    wait: 30s
                  - method: com.acme.stock.JdbcStock#decrement(java.sql.Connection, long)
                    key: "stock:{1}"
                    wait: 30s
                """);
        Map<Variant, Long> left = race(jvm -> Jvm.attach(jvm, config, redis.uri()));

        System.out.println("[LockCoversCommitTest] left with Weft: " + left);
        for (Variant variant : Variant.values()) {
            assertEquals(EXPECTED, left.get(variant), variant + ": " + left);
        }
    }

    @Test
    void withoutTheAgentEveryTransactionKindLosesUpdates() throws SQLException {
        Map<Variant, Long> left = race(UnaryOperator.identity());

        System.out.println("[LockCoversCommitTest] left without Weft: " + left);
        for (Variant variant : Variant.values()) {
            assertTrue(left.get(variant) > EXPECTED,
                    variant + " lost no update, so the run with Weft proves nothing: " + left);
        }
    }

    /** Runs the JVMs together; returns what is left of each variant's row. */
    private Map<Variant, Long> race(UnaryOperator<JavaProcess.Builder> how) throws SQLException {
        List<JavaProcess> jvms = new ArrayList<>();
        try {
            for (int i = 0; i < JVMS; i++) {
                jvms.add(how.apply(Jvm.plain(StockApp.class, Integer.toString(DECREMENTS))
                        .env("STOCK_URL", url()).name("stock-" + i)).start());
            }
            jvms.forEach(jvm -> jvm.awaitLine("proxies: inventory jdk=true, stock cglib=true", Jvm.TIMEOUT));
            Jvm.startTogether(jvms);
            for (JavaProcess jvm : jvms) {
                Jvm.assertExitsCleanly(jvm);
                for (Variant variant : Variant.values()) {
                    String expected = "DONE " + variant + " ok=" + DECREMENTS + " failed=0";
                    assertTrue(jvm.stdoutLines().contains(expected), expected + jvm.report());
                }
            }
        } finally {
            jvms.forEach(JavaProcess::close);
        }
        return quantities();
    }

    private Map<Variant, Long> quantities() throws SQLException {
        Map<Variant, Long> left = new EnumMap<>(Variant.class);
        try (Connection connection = connect();
             PreparedStatement read = connection.prepareStatement("SELECT quantity FROM stock WHERE id = ?")) {
            for (Variant variant : Variant.values()) {
                read.setLong(1, variant.row());
                try (ResultSet row = read.executeQuery()) {
                    row.next();
                    left.put(variant, row.getLong(1));
                }
            }
        }
        return left;
    }

    private String url() {
        return "jdbc:h2:tcp://localhost:" + h2.getPort() + "/stock";
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), "sa", "");
    }
}
