package dev.weft.runtime.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Reads {@code transactions:}. */
final class TransactionsSection {
    static final List<String> KEYS = List.of("log", "timeout", "retry", "global", "participants");
    private static final List<String> LOG_KEYS = List.of("type", "dir", "url", "user", "password");
    private static final List<String> JDBC_LOG_KEYS = List.of("url", "user", "password");
    private static final List<String> GLOBAL_KEYS = List.of("method", "timeout");
    private static final List<String> PARTICIPANT_KEYS = List.of("try", "confirm", "cancel");

    private TransactionsSection() {
    }

    /** @param position of the {@code transactions} key */
    static TransactionSettings read(Optional<Fields> section, SourcePosition position, TreeReader reader) {
        if (section.isEmpty()) {
            return TransactionSettings.defaults();
        }
        Fields transactions = section.get();
        Optional<Fields> log = transactions.fields("log", "in 'transactions.log'", LOG_KEYS);
        String logType = log.map(l -> l.optional("type", TransactionSettings.LOG_FILE,
                ValueParsers.oneOf(TransactionSettings.LOG_TYPES))).orElse(TransactionSettings.LOG_FILE);
        Path logDir = log.map(l -> l.optional("dir", TransactionSettings.DEFAULT_LOG_DIR, ValueParsers.path()))
                .orElse(TransactionSettings.DEFAULT_LOG_DIR);
        TransactionSettings.JdbcLog jdbcLog = log.flatMap(l -> jdbcLog(l, logType, reader)).orElse(null);
        Duration timeout = transactions.optional("timeout", TransactionSettings.DEFAULT_TIMEOUT,
                ValueParsers.positiveDuration());
        TransactionSettings.Retry retry = RetryReader.read(transactions, "in 'transactions.retry'", reader);
        List<GlobalRule> global = transactions.items("global").stream()
                .flatMap(item -> reader.fields(item, "each entry of global", "in a global transaction",
                        GLOBAL_KEYS).stream())
                .flatMap(entry -> global(entry).stream())
                .toList();
        List<ParticipantRule> participants = transactions.items("participants").stream()
                .flatMap(item -> reader.fields(item, "each entry of participants", "in a participant",
                        PARTICIPANT_KEYS).stream())
                .flatMap(entry -> participant(entry, reader).stream())
                .toList();
        return new TransactionSettings(logType, logDir, jdbcLog, timeout, retry, global, participants, position);
    }

    /** {@code url}, {@code user} and {@code password} belong to {@code type: jdbc}, which needs at least the URL. */
    private static Optional<TransactionSettings.JdbcLog> jdbcLog(Fields log, String logType, TreeReader reader) {
        if (!TransactionSettings.LOG_JDBC.equals(logType)) {
            for (String key : JDBC_LOG_KEYS) {
                log.keyPosition(key).ifPresent(position -> reader.problem(position, "log." + key + " is only read"
                        + " with type: jdbc (this log is type: " + logType + "); remove it, or set type: jdbc"));
            }
            return Optional.empty();
        }
        Optional<String> url = log.required("url", ValueParsers.jdbcUrl(), "type: jdbc needs the database of the"
                + " log, e.g. url: jdbc:postgresql://db:5432/orders (the driver must be on the application's class"
                + " path)");
        String user = log.optional("user", null, ValueParsers.text());
        String password = log.optional("password", null, ValueParsers.text());
        return url.map(u -> new TransactionSettings.JdbcLog(u, user, password));
    }

    private static Optional<GlobalRule> global(Fields entry) {
        Optional<MethodSelector> selector = entry.required("method", MethodSelector::parse,
                "add the method that begins the transaction, e.g. method: com.acme.TransferService#transfer(..)");
        Duration timeout = entry.optional("timeout", null, ValueParsers.positiveDuration());
        return selector.map(s -> new GlobalRule(s, timeout, entry.position()));
    }

    private static Optional<ParticipantRule> participant(Fields entry, TreeReader reader) {
        Optional<MethodSelector> trySelector = entry.required("try", MethodSelector::parse,
                "add the try method, e.g. try: com.acme.AccountService#debit(String, long)");
        Optional<String> confirm = entry.required("confirm", ValueParsers.methodName(),
                "add the name of the confirm method of the same class, e.g. confirm: confirmDebit");
        Optional<String> cancel = entry.required("cancel", ValueParsers.methodName(),
                "add the name of the cancel method of the same class, e.g. cancel: cancelDebit");
        if (confirm.isPresent() && confirm.equals(cancel)) {
            reader.problem(entry.valuePosition("cancel").orElseThrow(), "cancel: the same method as confirm;"
                    + " a participant needs two different methods, one to confirm the try and one to undo it");
            return Optional.empty();
        }
        if (trySelector.isEmpty() || confirm.isEmpty() || cancel.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ParticipantRule(trySelector.get(), confirm.get(), cancel.get(), entry.position()));
    }
}
