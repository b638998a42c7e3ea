package dev.weft.bench.tcc;

import dev.weft.bench.Format;
import dev.weft.bench.Harness;
import dev.weft.bench.Line;
import dev.weft.bench.NotInThisBuild;
import dev.weft.bench.RedisCommandStats;
import dev.weft.bench.Row;
import dev.weft.bench.Section;
import dev.weft.bench.WeftYaml;
import dev.weft.bench.load.LoadResult;
import dev.weft.bench.load.WorkerJvm;
import dev.weft.testkit.RedisServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The TCC rows of {@link TccRow} (the same worker, two empty branches, 1, 8 or 32 callers) on a shared log, with
 * the ratio to the file log of the same run and the Redis calls each transaction makes: {@code INFO commandstats}
 * before the worker JVM starts and after it exits, divided by the global transactions it began (set-up, warm-up and
 * the background recovery thread included); on PostgreSQL also the database's commits per transaction
 * ({@code pg_stat_database.xact_commit}, counted the same way).
 */
public record SharedTccRow(SharedLog log, int callers) implements Row {
    private static final int BRANCHES = 2;
    private static final List<Integer> CALLERS = List.of(1, 8, 32);

    /** The shared logs measured, each with its id in the row ids ({@code tcc-<id>-<callers>}). */
    public enum SharedLog {
        REDIS("redis", "Redis, AOF, appendfsync always"),
        REDIS_EVERYSEC("redis-everysec", "Redis, AOF, appendfsync everysec"),
        H2("jdbc-h2", "JDBC, H2 file database in the worker JVM"),
        POSTGRES("jdbc-pg", "JDBC, PostgreSQL 14 (embedded), synchronous_commit on");

        private final String id;
        private final String label;

        SharedLog(String id, String label) {
            this.id = id;
            this.label = label;
        }

        boolean onRedis() {
            return this == REDIS || this == REDIS_EVERYSEC;
        }
    }

    public static List<SharedTccRow> all() {
        List<SharedTccRow> rows = new ArrayList<>();
        for (SharedLog log : SharedLog.values()) {
            CALLERS.forEach(callers -> rows.add(new SharedTccRow(log, callers)));
        }
        return rows;
    }

    @Override
    public String id() {
        return "tcc-" + log.id + "-" + callers;
    }

    /**
     * CI runs one caller count of the Redis log and of the JDBC log on H2, the time going into starting the servers
     * and the worker JVM; not {@code everysec} (the same code as {@code always} but for one argument of redis-server)
     * nor PostgreSQL (the same code as H2, plus seconds to start the server; the end-to-end tests run it).
     */
    @Override
    public boolean inSmokeRun() {
        return callers == 1 && (log == SharedLog.REDIS || log == SharedLog.H2);
    }

    @Override
    public List<Line> run(Harness harness) throws Exception {
        String row = "2 empty branches, " + callers + (callers == 1 ? " caller" : " callers");
        LoadResult file = TccRow.fileLog(harness, callers);
        RedisServer redis = redis(); // closing it deletes its directory: with AOF on, tens of MB per row
        try (redis; Database database = Database.start(log, harness.scratch(), id())) {
            Path config = WeftYaml.tcc(harness.scratch(), id(), redis.uri(), database.logLines());
            WorkerJvm jvm = WorkerJvm.withAgent("weft-" + id(),
                    harness.layout().workerClassPath("org.h2.Driver", "org.postgresql.Driver"),
                    harness.layout().agentJar(), "config=" + config);
            Map<String, Long> before = RedisCommandStats.read(redis.port());
            long commitsBefore = database.commits();
            LoadResult result = TccRow.transactions(harness, jvm, callers, BRANCHES);
            Map<String, Long> commands = RedisCommandStats.difference(before, RedisCommandStats.read(redis.port()));
            Thread.sleep(database.postgres == null ? 0 : 1_000); // the workers' last statistics, sent as they end
            long commits = database.commits() - commitsBefore;
            double transactions = result.counts().getOrDefault("transactions", 0L);
            // Each script is one call (its commands run inside it); PUBLISH is the wake-up, sent on its own.
            long calls = Stream.of("evalsha", "eval", "publish").mapToLong(c -> commands.getOrDefault(c, 0L)).sum();
            System.err.println("[bench] " + id() + ": " + (long) transactions + " transactions; Redis commands per"
                    + " transaction (commands run by scripts included): " + commands.entrySet().stream()
                    .map(c -> String.format(Locale.ROOT, "%s %.2f", c.getKey(), c.getValue() / transactions))
                    .collect(Collectors.joining(", ")));
            return List.of(Line.measured(Section.TCC_SHARED, row, log.label, Format.rate(result.perSecond()),
                    Format.latency(result.p50Nanos()), Format.latency(result.p99Nanos()),
                    file == null ? "" : Format.ratio(result.perSecond(), file.perSecond()),
                    String.format(Locale.ROOT, "%.2f", calls / transactions),
                    database.postgres == null ? "" : String.format(Locale.ROOT, "%.2f", commits / transactions),
                    Long.toString(result.failures())));
        } catch (NotInThisBuild refused) {
            return List.of(Line.unavailable(Section.TCC_SHARED, row, log.label, refused));
        }
    }

    /** The log's Redis with the AOF setting under test; for a JDBC log, the owner locks' and wake-ups' Redis. */
    private RedisServer redis() {
        return switch (log) {
            case REDIS -> RedisServer.start("--appendonly", "yes", "--appendfsync", "always");
            case REDIS_EVERYSEC -> RedisServer.start("--appendonly", "yes", "--appendfsync", "everysec");
            default -> RedisServer.start();
        };
    }

    /** Where a JDBC log lives; nothing for a Redis log. */
    private record Database(String logLines, EmbeddedPostgres postgres) implements AutoCloseable {
        static Database start(SharedLog log, Path scratch, String id) throws IOException {
            switch (log) {
                case H2 -> {
                    Path dir = Files.createDirectory(scratch.resolve(id + "-h2"));
                    return new Database("""
                                type: jdbc
                                url: "jdbc:h2:file:%s"
                            """.formatted(dir.resolve("txlog")), null);
                }
                case POSTGRES -> {
                    // The library's default is synchronous_commit off; on is PostgreSQL's own and what the docs ask.
                    EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                            .setServerConfig("synchronous_commit", "on").start();
                    return new Database("""
                                type: jdbc
                                url: "%s"
                                user: postgres
                                password: postgres
                            """.formatted(postgres.getJdbcUrl("postgres", "postgres")), postgres);
                }
                default -> {
                    return new Database("""
                                type: redis
                            """, null);
                }
            }
        }

        /**
         * PostgreSQL's {@code xact_commit} of the log's database (the reading's own transaction included); 0 for the
         * other logs. Each backend sends its statistics as it ends, or every 500 ms: read it a moment after.
         */
        long commits() throws SQLException {
            if (postgres == null) {
                return 0;
            }
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery(
                         "SELECT xact_commit FROM pg_stat_database WHERE datname = 'postgres'")) {
                row.next();
                return row.getLong(1);
            }
        }

        @Override
        public void close() throws IOException {
            if (postgres != null) {
                postgres.close();
            }
        }
    }
}
