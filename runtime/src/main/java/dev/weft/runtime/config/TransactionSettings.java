package dev.weft.runtime.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The {@code transactions:} section.
 *
 * @param logType  {@code file}, {@code redis} or {@code jdbc}
 * @param logDir   directory of the file log, relative paths against the working directory
 * @param timeout  default timeout of a global transaction
 * @param retry    pauses between attempts of confirm and cancel, and how many attempts before FAILED
 * @param position of the {@code transactions} key, or null when the section is absent
 */
public record TransactionSettings(
        String logType,
        Path logDir,
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

    public TransactionSettings {
        global = List.copyOf(global);
        participants = List.copyOf(participants);
    }

    /** No {@code transactions:} section: nothing begins or joins a global transaction. */
    public static TransactionSettings defaults() {
        return new TransactionSettings(LOG_FILE, DEFAULT_LOG_DIR, DEFAULT_TIMEOUT, Retry.DEFAULT, List.of(), List.of(),
                null);
    }
}
