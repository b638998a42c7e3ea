package dev.weft.runtime.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Reads {@code jdbc:}. */
final class JdbcSection {
    static final List<String> KEYS = List.of("barrier", "retention", "createTable");

    private JdbcSection() {
    }

    /** @param position of the {@code jdbc} key */
    static JdbcSettings read(Optional<Fields> section, SourcePosition position) {
        JdbcSettings defaults = JdbcSettings.defaults();
        if (section.isEmpty()) {
            return defaults;
        }
        Fields jdbc = section.get();
        boolean barrier = jdbc.optional("barrier", defaults.barrier(), ValueParsers.bool());
        Duration retention = jdbc.optional("retention", defaults.retention(), ValueParsers.positiveDuration());
        boolean createTable = jdbc.optional("createTable", defaults.createTable(), ValueParsers.bool());
        return new JdbcSettings(barrier, retention, createTable, position);
    }
}
