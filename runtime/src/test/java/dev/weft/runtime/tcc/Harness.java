package dev.weft.runtime.tcc;

import dev.weft.runtime.config.GlobalRule;
import dev.weft.runtime.config.MethodSelector;
import dev.weft.runtime.config.ParticipantRule;
import dev.weft.runtime.config.SourcePosition;
import dev.weft.runtime.config.TransactionSettings;
import dev.weft.runtime.jmx.TransactionsBean;
import dev.weft.runtime.jmx.TransactionsMXBean;
import dev.weft.runtime.lock.LockService;
import dev.weft.runtime.txlog.SharedTransactionLog;
import dev.weft.runtime.txlog.TransactionLog;
import dev.weft.runtime.txlog.Wakeups;
import dev.weft.runtime.weave.Described;
import dev.weft.runtime.weave.MethodShape;
import dev.weft.runtime.weave.Site;
import dev.weft.runtime.weave.WeaveRule;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * TCC without weaving: the real rules and sites, called the way the inlined advice calls them. {@code debit} and
 * {@code credit} of {@link Accounts} are participants, {@link #transfer} is a global method.
 */
final class Harness implements AutoCloseable {
    static final SourcePosition AT = new SourcePosition("weft.yaml", 1, 1);

    final Transactions transactions;
    final TransactionsMXBean mbean;
    final Accounts accounts = new Accounts();
    private final Site global;
    private final Site debit;
    private final Site credit;

    Harness(TransactionLog log, Duration timeout, TransactionSettings.Retry retry) {
        this(log, timeout, retry, false);
    }

    /** @param barrier {@code jdbc.barrier} as TCC sees it (no JDBC hook is woven here) */
    Harness(TransactionLog log, Duration timeout, TransactionSettings.Retry retry, boolean barrier) {
        this(settings -> new Transactions(settings, log, barrier), TransactionSettings.LOG_FILE, timeout, retry);
    }

    /** One instance of the root service over a shared log; its branches of other services are {@link Warehouse}'s. */
    static Harness shared(SharedTransactionLog log, Wakeups wakeups, LockService locks, Duration timeout,
                          TransactionSettings.Retry retry) {
        return new Harness(settings -> new Transactions(settings, log, wakeups, locks, false),
                TransactionSettings.LOG_REDIS, timeout, retry);
    }

    private Harness(Function<TransactionSettings, Transactions> open, String logType, Duration timeout,
                    TransactionSettings.Retry retry) {
        TransactionSettings settings = new TransactionSettings(logType, Path.of("unused"), null, timeout, retry,
                List.of(new GlobalRule(MethodSelector.parse(Harness.class.getName() + "#transfer"), null, AT)),
                List.of(participant("debit", "confirmDebit", "cancelDebit"),
                        participant("credit", "confirmCredit", "cancelCredit")),
                AT);
        transactions = open.apply(settings);
        mbean = new TransactionsBean(transactions.view());
        List<WeaveRule> rules = transactions.weaveRules();
        global = site(rules.get(0), method(Harness.class, "transfer"));
        debit = site(rules.get(1), method(Accounts.class, "debit"));
        credit = site(rules.get(2), method(Accounts.class, "credit"));
        rules.get(1).instanceSite(Described.type(Accounts.class)).orElseThrow().exit(accounts, null); // as its constructor advice would
        transactions.start();
    }

    private static ParticipantRule participant(String tryMethod, String confirm, String cancel) {
        return new ParticipantRule(MethodSelector.parse(Accounts.class.getName() + "#" + tryMethod), confirm, cancel, AT);
    }

    static Site site(WeaveRule rule, Method method) {
        MethodShape shape = Described.method(method);
        if (rule.problemWith(shape).isPresent()) {
            throw new IllegalStateException(rule.problemWith(shape).get());
        }
        return rule.createSite(shape);
    }

    static Method method(Class<?> type, String name) {
        for (Method method : type.getDeclaredMethods()) {
            if (method.getName().equals(name)) {
                return method;
            }
        }
        throw new IllegalArgumentException(name);
    }

    /** The global method: runs {@code body} inside a global transaction, as the woven method would. */
    <T> T transfer(Callable<T> body) throws Exception {
        return woven(global, Harness.class, this, new Object[] {body}, body);
    }

    void debit(String account, long amount) throws Exception {
        Object[] arguments = {account, amount};
        woven(debit, Accounts.class, accounts, arguments, () -> {
            accounts.debit(account, amount);
            return null;
        });
    }

    void credit(String account, long amount) throws Exception {
        Object[] arguments = {account, amount};
        woven(credit, Accounts.class, accounts, arguments, () -> {
            accounts.credit(account, amount);
            return null;
        });
    }

    /** BridgeAdvice, spelled out: enter, the body, exit (which may replace the outcome), then the outcome. */
    static <T> T woven(Site site, Class<?> type, Object self, Object[] arguments, Callable<T> body)
            throws Exception {
        Object scope = site.enter(type, self, arguments);
        T result = null;
        Exception thrown = null;
        try {
            result = body.call();
        } catch (Exception e) {
            thrown = e;
        }
        site.exit(scope, thrown);
        if (thrown != null) {
            throw thrown;
        }
        return result;
    }

    @Override
    public void close() {
        transactions.close();
    }
}
