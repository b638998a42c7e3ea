package dev.weft.runtime.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The {@code transactions:} section.
 *
 * @param logType  {@code file}, {@code redis} or {@code jdbc}
 * @param logDir   directory of the file log, relative paths against the working directory
 * @param jdbcLog  where the log is kept with {@code type: jdbc}; null with the other types
 * @param timeout  default timeout of a global transaction
 * @param retry    pauses between attempts of confirm and cancel, and how many attempts before FAILED
 * @param position of the {@code transactions} key, or null when the section is absent
 */
public record TransactionSettings(
        String logType,
        Path logDir,
        JdbcLog jdbcLog,
        Duration timeout,
        Retry retry,
        List<GlobalRule> global,
        List<ParticipantRule> participants,
        SourcePosition position) {
    public static final String LOG_FILE = "file";
    public static final String LOG_REDIS = "redis";
    public static final String LOG_JDBC = "jdbc";
    public static final List<String> LOG_TYPES = List.of(LOG_FILE, LOG_REDIS, LOG_JDBC);
    public static final Path DEFAULT_LOG_DIR = Path.of("./weft-txlog");
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /**
     * {@code transactions.retry}: the pause after the n-th failed attempt is {@code initial * 2^(n-1)}, at most
     * {@code max}, with jitter; after {@code maxAttempts} attempts the transaction is FAILED.
     */
    public record Retry(Duration initial, Duration max, int maxAttempts) {
        public static final Retry DEFAULT = new Retry(Duration.ofSeconds(1), Duration.ofMinutes(5), 20);
    }

    /**
     * {@code transactions.log} with {@code type: jdbc}: the database that holds the shared log, reached with a driver
     * on the application's class path.
     *
     * @param user     null when the URL carries the credentials
     * @param password null when there is none
     */
    public record JdbcLog(String url, String user, String password) {
        @Override
        public String toString() {
            return "JdbcLog[" + url + ", user " + user + "]"; // never the password, which ends up in logs otherwise
        }
    }

    /** Whether several processes share the log ({@code redis} or {@code jdbc}), so branches may live in other services. */
    public boolean sharedLog() {
        return !LOG_FILE.equals(logType);
    }

    public TransactionSettings {
        global = List.copyOf(global);
        participants = List.copyOf(participants);
    }

    /** No {@code transactions:} section: nothing begins or joins a global transaction. */
    public static TransactionSettings defaults() {
        return new TransactionSettings(LOG_FILE, DEFAULT_LOG_DIR, null, DEFAULT_TIMEOUT, Retry.DEFAULT, List.of(), List.of(),
                null);
    }
}
