package dev.weft.runtime.xa;

import dev.weft.runtime.jdbc.JdbcWeaveRule;
import dev.weft.runtime.weave.MethodShape;
import dev.weft.runtime.weave.WeaveRule;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * The XA feature's service (docs/xa.md): Narayana configured on {@code xa.objectStore}, the {@code xa.global} methods'
 * transactions, the hooks that hand those methods enlisted connections, and recovery.
 */
public final class Xa implements XaView {
    private final XaSettings settings;
    private final Predicate<MethodShape> tccGlobal;
    private final String node;
    private final XaTransactions transactions;
    private final XaRecovery recovery;
    private final OpeningSite openingSite;

    /**
     * Configures Narayana; call before anything else touches it, once per JVM.
     *
     * @param tccGlobal whether a method is a TCC global method; {@code tccActive} whether one runs on this thread
     */
    public Xa(XaSettings settings, Predicate<MethodShape> tccGlobal, BooleanSupplier tccActive) {
        this.settings = settings;
        this.tccGlobal = tccGlobal;
        this.node = Narayana.configure(settings.objectStore());
        KnownDatabases known = new KnownDatabases(settings.objectStore());
        Openings openings = new Openings();
        this.recovery = new XaRecovery(known, openings);
        openings.whenFirstSeen(recovery::reachable);
        this.transactions = new XaTransactions(com.arjuna.ats.jta.TransactionManager::transactionManager, openings,
                known, HaltPoints.fromSystemProperty(), tccActive);
        this.openingSite = new OpeningSite(openings, transactions);
    }

    public List<WeaveRule> weaveRules() {
        List<WeaveRule> rules = new ArrayList<>();
        settings.global().forEach(rule -> rules.add(new XaWeaveRule(rule, tccGlobal, transactions)));
        rules.addAll(JdbcWeaveRule.openingsReplacedBy(openingSite, "XA connection hooks"));
        return rules;
    }

    /** Starts recovery; on the background start-up thread. */
    public void startRecovery() {
        transactions.manager();
        recovery.start();
    }

    public String describe() {
        return settings.global().size() + " xa.global rule(s), node " + node + ", object store "
                + settings.objectStore().toAbsolutePath().normalize();
    }

    public void close() {
        recovery.close();
        transactions.close();
    }

    @Override
    public long begun() {
        return transactions.begun.get();
    }

    @Override
    public long committed() {
        return transactions.committed.get();
    }

    @Override
    public long rolledBack() {
        return transactions.rolledBack.get();
    }

    @Override
    public long timedOut() {
        return transactions.timedOut.get();
    }

    @Override
    public long failed() {
        return transactions.failed.get();
    }

    @Override
    public long active() {
        return transactions.active.get();
    }

    @Override
    public List<InDoubt> unresolved() {
        return recovery.unresolved();
    }

    @Override
    public boolean commit(String xid) {
        return recovery.commit(xid);
    }

    @Override
    public boolean rollback(String xid) {
        return recovery.rollback(xid);
    }
}
