package dev.weft.runtime.txlog.jdbc;

import static dev.weft.runtime.txlog.jdbc.Logs.DEBIT;
import static dev.weft.runtime.txlog.jdbc.Logs.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.jdbc.RealDatabase;
import dev.weft.runtime.txlog.BranchState;
import dev.weft.runtime.txlog.Carried;
import dev.weft.runtime.txlog.NotTryingException;
import dev.weft.runtime.txlog.Phase;
import dev.weft.runtime.txlog.LoggedTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two instances, each with its own log and connections, on one database: the compare-and-set operations hold under
 * many threads at once. Each has a control, played step by step on two plain connections: the naive read-then-write
 * that the conditional {@code UPDATE} replaces loses in that interleaving.
 */
class JdbcLogRacesTest {
    private static final int THREADS = 8;
    private RealDatabase.Location at;
    private JdbcTransactionLog a;
    private JdbcTransactionLog b;

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    private void twoInstances(RealDatabase kind) throws SQLException {
        at = kind.empty();
        a = Logs.open(at);
        b = Logs.open(at);
    }

    /** Even threads on instance a, odd ones on b. */
    private JdbcTransactionLog instance(int thread) {
        return thread % 2 == 0 ? a : b;
    }

    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void instancesStartingTogetherCreateTheTablesOnce(RealDatabase kind) throws Exception {
        at = kind.empty();
        List<JdbcTransactionLog> started = Logs.atOnce(THREADS, t -> Logs.open(at));
        a = started.get(0);
        b = started.get(1);
        started.subList(2, THREADS).forEach(JdbcTransactionLog::close);
        a.begin(Logs.begin("x1", NOW));
        assertEquals(Phase.TRYING, b.load("x1").orElseThrow().phase());
    }

    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void exactlyOneDecisionWinsAndEveryoneReadsIt(RealDatabase kind) throws Exception {
        twoInstances(kind);
        for (int round = 0; round < 10; round++) {
            String xid = "x" + round;
            a.begin(Logs.begin(xid, NOW));
            // on each instance, some threads commit and others roll back
            List<Optional<Phase>> seen = Logs.atOnce(THREADS,
                    t -> instance(t).decide(xid, t % 4 < 2, List.of()).map(LoggedTransaction::phase));
            Phase winner = a.load(xid).orElseThrow().phase();
            assertTrue(winner != Phase.TRYING);
            assertEquals(new HashSet<>(List.of(Optional.of(winner))), new HashSet<>(seen), "round " + round);
        }
    }

    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void controlReadThenUpdateLetsTwoDecisionsWin(RealDatabase kind) throws SQLException {
        twoInstances(kind);
        a.begin(Logs.begin("x1", NOW));
        try (Connection root = transactional(); Connection recovery = transactional()) {
            assertEquals("TRYING", phase(root, "x1"));
            assertEquals("TRYING", phase(recovery, "x1"));
            assertEquals(1, update(root, "UPDATE weft_tcc_tx SET phase = 'COMMITTING' WHERE xid = 'x1'"));
            root.commit(); // the root reports "committed"
            assertEquals(1, update(recovery, "UPDATE weft_tcc_tx SET phase = 'ROLLING_BACK' WHERE xid = 'x1'"));
            recovery.commit(); // and recovery rolls the same transaction back
        }
        assertEquals(Phase.ROLLING_BACK, a.load("x1").orElseThrow().phase(), "the reported commit was overturned");
    }

    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void branchIdsAreUniqueAcrossInstances(RealDatabase kind) throws Exception {
        twoInstances(kind);
        a.begin(Logs.begin("x1", NOW));
        List<List<Integer>> ids = Logs.atOnce(THREADS, t -> IntStream.range(0, 10)
                .mapToObj(i -> instance(t).register("x1", DEBIT, "[" + t + "]", Carried.NONE)).toList());
        List<Integer> all = ids.stream().flatMap(List::stream).sorted().toList();
        List<Integer> expected = IntStream.range(0, THREADS * 10).boxed().toList();
        assertEquals(expected, all, "every id once, none skipped");
        LoggedTransaction logged = b.load("x1").orElseThrow();
        assertEquals(expected, logged.branches().stream().map(LoggedTransaction.LoggedBranch::id).toList());
        for (int t = 0; t < THREADS; t++) {
            for (int id : ids.get(t)) {
                assertEquals("[" + t + "]", logged.branches().get(id).arguments(), "branch " + id);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void controlReadThenIncrementHandsOutOneIdTwice(RealDatabase kind) throws SQLException {
        twoInstances(kind);
        a.begin(Logs.begin("x1", NOW));
        try (Connection one = transactional(); Connection two = transactional()) {
            int first = nextBranch(one);
            int second = nextBranch(two);
            assertEquals(first, second, "both read the same counter");
            insertBranch(one, first);
            update(one, "UPDATE weft_tcc_tx SET next_branch = " + (first + 1) + " WHERE xid = 'x1'");
            one.commit();
            SQLException duplicate = assertThrows(SQLException.class, () -> insertBranch(two, second));
            assertTrue(duplicate.getSQLState().startsWith("23"), duplicate.getSQLState());
        }
    }

    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void aBranchEitherJoinsBeforeTheDecisionOrIsRefused(RealDatabase kind) throws Exception {
        twoInstances(kind);
        for (int round = 0; round < 5; round++) {
            String xid = "x" + round;
            a.begin(Logs.begin(xid, NOW));
            // thread 0 decides once a branch is in (so that the race is never empty); the others register tries and
            // report them returned, until refused
            CountDownLatch aBranchIsIn = new CountDownLatch(1);
            List<Map<Integer, Boolean>> returned = Logs.atOnce(THREADS, t -> {
                if (t == 0) {
                    awaitUninterruptibly(aBranchIsIn);
                    a.decide(xid, true, List.of());
                    return Map.of();
                }
                return registerAndReturnUntilRefused(instance(t), xid, aBranchIsIn);
            });
            LoggedTransaction decided = a.load(xid).orElseThrow();
            assertEquals(Phase.COMMITTING, decided.phase());
            Map<Integer, Boolean> told = new HashMap<>();
            returned.forEach(told::putAll);
            assertEquals(told.size(), decided.branches().size(), "every branch that was told its id is in the log");
            for (LoggedTransaction.LoggedBranch branch : decided.branches()) {
                // RETURNED exactly when the log said so: a try whose end was refused stays TRYING (and is cancelled)
                BranchState expected = told.get(branch.id()) ? BranchState.RETURNED : BranchState.TRYING;
                assertEquals(expected, branch.state(), xid + " branch " + branch.id());
            }
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<Integer, Boolean> registerAndReturnUntilRefused(JdbcTransactionLog log, String xid,
                                                                       CountDownLatch registered) {
        Map<Integer, Boolean> returned = new HashMap<>();
        while (true) {
            int id;
            try {
                id = log.register(xid, DEBIT, "[]", Carried.NONE);
                registered.countDown();
            } catch (NotTryingException refused) {
                assertEquals(Phase.COMMITTING, refused.phase());
                return returned;
            }
            returned.put(id, log.tryEnded(xid, id, BranchState.RETURNED));
        }
    }

    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void eachDueTransactionIsClaimedByOneInstance(RealDatabase kind) throws Exception {
        twoInstances(kind);
        List<String> due = IntStream.range(0, 40).mapToObj(i -> "x" + i).toList();
        for (String xid : due) {
            a.begin(Logs.begin(xid, NOW - 1));
        }
        List<List<String>> claims = Logs.atOnce(THREADS, t -> instance(t).claimDue(NOW, 60_000, due.size()));
        List<String> all = claims.stream().flatMap(List::stream).toList();
        Map<String, Long> times = all.stream().collect(Collectors.groupingBy(Function.identity(),
                Collectors.counting()));
        assertEquals(new HashSet<>(due), times.keySet(), "every due transaction was claimed");
        assertEquals(due.size(), all.size(), "and by one thread of one instance only: " + times);
    }

    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void controlAClaimWithoutItsConditionIsTakenTwice(RealDatabase kind) throws SQLException {
        twoInstances(kind);
        a.begin(Logs.begin("x1", NOW - 1));
        try (Connection one = transactional(); Connection two = transactional()) {
            List<String> seenByOne = due(one);
            List<String> seenByTwo = due(two);
            assertEquals(List.of("x1"), seenByOne);
            assertEquals(List.of("x1"), seenByTwo);
            assertEquals(1, update(one, "UPDATE weft_tcc_tx SET due_at = " + (NOW + 60_000) + " WHERE xid = 'x1'"));
            one.commit();
            assertEquals(1, update(two, "UPDATE weft_tcc_tx SET due_at = " + (NOW + 60_000) + " WHERE xid = 'x1'"),
                    "both instances believe they hold the claim");
            two.commit();
            // with the log's condition, the second claim finds the due time moved
            assertEquals(0, update(two, "UPDATE weft_tcc_tx SET due_at = 0 WHERE xid = 'x1' AND due_at = "
                    + (NOW - 1)));
        }
    }

    private Connection transactional() throws SQLException {
        Connection connection = at.open();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        return connection;
    }

    private static String phase(Connection connection, String xid) throws SQLException {
        return strings(connection, "SELECT phase FROM weft_tcc_tx WHERE xid = '" + xid + "'").get(0);
    }

    private static int nextBranch(Connection connection) throws SQLException {
        return Integer.parseInt(strings(connection, "SELECT next_branch FROM weft_tcc_tx WHERE xid = 'x1'").get(0));
    }

    private static List<String> due(Connection connection) throws SQLException {
        return strings(connection, "SELECT xid FROM weft_tcc_tx WHERE due_at <= " + NOW);
    }

    private static void insertBranch(Connection connection, int id) throws SQLException {
        update(connection, "INSERT INTO weft_tcc_tx_branch (xid, branch_id, class_name, try_method, descriptor,"
                + " confirm_name, cancel_name, arguments, state) VALUES ('x1', " + id + ", 'C', 't', '()V', 'c', 'k',"
                + " '[]', 'TRYING')");
    }

    private static int update(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            return statement.executeUpdate();
        }
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }
}
