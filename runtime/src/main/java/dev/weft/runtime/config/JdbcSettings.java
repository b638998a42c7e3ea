package dev.weft.runtime.config;

import java.time.Duration;

/**
 * The {@code jdbc:} section.
 *
 * @param barrier     record each TCC phase in {@code weft_tcc_barrier}, in the participant's own transaction
 * @param retention   how long a barrier row is kept; it must outlive the longest global transaction, recovery
 *                    retries included, or a late duplicate could run again
 * @param createTable create {@code weft_tcc_barrier} on first use when it is missing
 * @param position    of the {@code jdbc} key, or null when the section is absent
 */
public record JdbcSettings(boolean barrier, Duration retention, boolean createTable, SourcePosition position) {
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);

    public static JdbcSettings defaults() {
        return new JdbcSettings(false, DEFAULT_RETENTION, true, null);
    }
}
