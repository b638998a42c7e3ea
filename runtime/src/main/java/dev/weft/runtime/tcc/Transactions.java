package dev.weft.runtime.tcc;

import dev.weft.runtime.config.RedisSettings;
import dev.weft.runtime.config.TransactionSettings;
import dev.weft.runtime.context.Carrier;
import dev.weft.runtime.instances.Instances;
import dev.weft.runtime.lock.LockService;
import dev.weft.runtime.txlog.FileTransactionLog;
import dev.weft.runtime.txlog.TransactionLog;
import dev.weft.runtime.txlog.TransactionLogException;
import dev.weft.runtime.txlog.Wakeups;
import dev.weft.runtime.txlog.jdbc.JdbcTransactionLog;
import dev.weft.runtime.txlog.redis.RedisTransactionLog;
import dev.weft.runtime.txlog.redis.RedisWakeups;
import dev.weft.runtime.weave.WeaveRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * TCC transactions as configured by {@code transactions:}: the log, the rules to weave, recovery, and JMX. One
 * {@link Coordinator}, {@link Finisher} and {@link Recovery} run over every {@link TransactionLog}; a shared one (Redis,
 * JDBC) lets branches live in other services (docs/distributed-tcc.md), the file log is a log with one member.
 */
public final class Transactions implements AutoCloseable {
    private final TransactionSettings settings;
    private final Instances instances = new Instances();
    private final Participants participants = new Participants(instances);
    private final DeclaredParticipants declared;
    private final OpenTransactions open = new OpenTransactions();
    private final Coordinator coordinator;
    private final Recovery recovery;
    private final TransactionPropagation propagation;
    private final OwnerLock ownerLock;

    /**
     * Over a log with one member (the file log): owner locks in this process, nobody to wake, nothing sent over HTTP.
     *
     * @param barrier {@code jdbc.barrier}: a failed try is then cancelled, never left as it is
     */
    Transactions(TransactionSettings settings, TransactionLog log, boolean barrier) {
        this(settings, log, Wakeups.NONE, OwnerLock.local(), barrier);
    }

    /**
     * Over a shared log.
     *
     * @param locks for the owner lock of phase two ({@code tx-owner:<xid>}) when the log keeps none itself
     */
    Transactions(TransactionSettings settings, TransactionLog log, Wakeups wakeups, LockService locks,
                 boolean barrier) {
        this(settings, log, wakeups, log.ownerLocks().<OwnerLock>map(LogOwnerLock::new)
                .orElseGet(() -> new RedisOwnerLock(locks)), barrier);
    }

    private Transactions(TransactionSettings settings, TransactionLog log, Wakeups wakeups, OwnerLock ownerLock,
                         boolean barrier) {
        this.settings = settings;
        this.ownerLock = ownerLock;
        this.declared = DeclaredParticipants.of(settings.participants(), log.sharedByProcesses());
        Finisher finisher = new Finisher(log, wakeups, ownerLock, new PhaseTwo(participants, instances), declared,
                settings.retry());
        this.coordinator = new Coordinator(log, open, finisher, barrier);
        this.recovery = new Recovery(log, wakeups, finisher, declared, open);
        this.propagation = log.sharedByProcesses() ? new SharedPropagation(coordinator) : TransactionPropagation.NONE;
    }

    /** Whether the config asks for any transaction at all. */
    public static boolean configured(TransactionSettings settings) {
        return !settings.global().isEmpty() || !settings.participants().isEmpty();
    }

    /**
     * Opens the log of {@code transactions.log.type} (a file log replays what a previous run left, a JDBC log creates
     * its tables if missing); call {@link #start} once the rules are woven.
     *
     * @param barrier whether {@code jdbc.barrier} is on
     * @param redis   where a shared log's wake-ups and owner locks go, and the Redis log itself
     * @param locks   the owner locks of phase two with a shared log
     * @param applicationLoaders the class loaders of the application's woven classes so far, where a JDBC log finds
     *     its driver when the system class path has none
     * @throws TransactionLogException when the log cannot be opened (a file log in use by another process, damaged or
     *     unreadable; a database with no driver on the class path, unreachable, or of a kind the log does not know)
     */
    public static Transactions open(TransactionSettings settings, boolean barrier, RedisSettings redis,
                                    LockService locks, Supplier<List<ClassLoader>> applicationLoaders) {
        return switch (settings.logType()) {
            case TransactionSettings.LOG_REDIS -> {
                RedisTransactionLog log = new RedisTransactionLog(redis);
                yield new Transactions(settings, log, log.wakeups(), locks, barrier);
            }
            // the wake-ups and the owner locks are on Redis whatever the log (docs/distributed-tcc.md)
            case TransactionSettings.LOG_JDBC -> new Transactions(settings,
                    JdbcTransactionLog.open(settings.jdbcLog(), applicationLoaders),
                    new RedisWakeups(redis), locks, barrier);
            default -> new Transactions(settings, FileTransactionLog.open(settings.logDir()), barrier);
        };
    }

    public List<WeaveRule> weaveRules() {
        List<WeaveRule> rules = new ArrayList<>();
        settings.global().forEach(rule -> rules.add(new GlobalWeaveRule(rule, settings.timeout(), coordinator)));
        settings.participants().forEach(rule -> rules.add(new ParticipantWeaveRule(rule, coordinator, participants,
                instances, declared)));
        return rules;
    }

    /** How a global transaction rides on HTTP calls; nothing with the file log, whose branches live in this process. */
    public TransactionPropagation propagation() {
        return propagation;
    }

    /** Carries a global transaction to the threads its global method hands work to, with any log. */
    public Carrier handOffs() {
        return new TransactionCarrier();
    }

    /** Finishes what the log held, in the background, and keeps retrying phase two (and a file log itself). */
    public void start() {
        recovery.start();
    }

    /** For operators: JMX {@code dev.weft:type=Transactions}. */
    public TransactionsView view() {
        return new TransactionsView(open, recovery);
    }

    public String describe() {
        return recovery.describe();
    }

    /** At exit: see {@link Recovery#stop}; then the owner locks released meanwhile have reached Redis. */
    public void stop(Duration within) {
        recovery.stop(within);
        ownerLock.awaitReleases();
    }

    @Override
    public void close() {
        recovery.close();
        ownerLock.close();
    }
}
