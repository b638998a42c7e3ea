package dev.weft.runtime.feature.tcc;

import dev.weft.runtime.config.TransactionSettings;
import dev.weft.runtime.config.WeftConfig;
import dev.weft.runtime.context.HandOffs;
import dev.weft.runtime.feature.Feature;
import dev.weft.runtime.feature.FeatureException;
import dev.weft.runtime.feature.Shared;
import dev.weft.runtime.jmx.TransactionsBean;
import dev.weft.runtime.jmx.TransactionsMXBean;
import dev.weft.runtime.jmx.WeftMBeans;
import dev.weft.runtime.lock.LockService;
import dev.weft.runtime.tcc.GlobalRuleCheck;
import dev.weft.runtime.tcc.ParticipantRuleCheck;
import dev.weft.runtime.tcc.TransactionPropagation;
import dev.weft.runtime.tcc.Transactions;
import dev.weft.runtime.txlog.TransactionLogException;
import dev.weft.runtime.weave.CallSiteRewrite;
import dev.weft.runtime.weave.HandOffCallSites;
import dev.weft.runtime.weave.WeaveRule;
import dev.weft.runtime.weave.WovenClassLoaders;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code transactions:} (docs/tcc.md, docs/distributed-tcc.md): global methods and participants, the transaction log,
 * recovery, {@code dev.weft:type=Transactions}, and the hand-offs that carry a transaction to the threads its work
 * is handed to (docs/distributed-tcc.md, "Hand-offs inside one JVM"). Offers the transactions'
 * {@link TransactionPropagation} to the features opened after it.
 */
public final class TransactionsFeature implements Feature {
    /** sysexits.h EX_CANTCREAT: the transaction log cannot be opened (docs/tcc.md). */
    static final int EXIT_CANT_OPEN_LOG = 73;

    @Override
    public String name() {
        return "transactions";
    }

    @Override
    public List<Check> checks(WeftConfig config) {
        TransactionSettings settings = config.transactions();
        return Stream.concat(
                settings.global().stream().map(rule -> new Check("global", new GlobalRuleCheck(rule))),
                settings.participants().stream().map(rule -> new Check("participant", new ParticipantRuleCheck(rule))))
                .toList();
    }

    /** @throws FeatureException when the log cannot be opened: transactions could neither run safely nor recover */
    @Override
    public Optional<Running> open(WeftConfig config, Shared shared) {
        if (!Transactions.configured(config.transactions())) {
            return Optional.empty();
        }
        LockService locks = shared.find(LockService.class).orElseThrow(
                () -> new IllegalStateException("weft: the locks feature must open before transactions"));
        Transactions transactions;
        try {
            transactions = Transactions.open(config.transactions(), config.jdbc().barrier(), config.redis(), locks,
                    shared.find(WovenClassLoaders.class).orElseThrow()::seen);
        } catch (TransactionLogException e) {
            throw new FeatureException(e.getMessage(), e, EXIT_CANT_OPEN_LOG, "the transaction log cannot be opened");
        }
        shared.offer(TransactionPropagation.class, transactions.propagation());
        shared.answerHandOffs(new HandOffs(transactions.handOffs())::handOff);
        return Optional.of(new Running() {
            @Override
            public List<WeaveRule> rules() {
                return transactions.weaveRules();
            }

            @Override
            public List<CallSiteRewrite> callSites() {
                return List.of(new HandOffCallSites());
            }

            @Override
            public void start() {
                transactions.start();
            }

            @Override
            public void registerBeans(WeftMBeans beans) {
                beans.register("Transactions", TransactionsMXBean.class, new TransactionsBean(transactions.view()));
            }

            @Override
            public String describe() {
                return transactions.describe();
            }

            @Override
            public void stop(Duration within) {
                transactions.stop(within);
            }

            @Override
            public void close() {
                transactions.close();
            }
        });
    }
}
