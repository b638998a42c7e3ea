package dev.weft.runtime.feature.locks;

import dev.weft.runtime.config.LockMode;
import dev.weft.runtime.config.LockRule;
import dev.weft.runtime.config.WeftConfig;
import dev.weft.runtime.feature.Feature;
import dev.weft.runtime.feature.Shared;
import dev.weft.runtime.jdbc.UncommittedWrites;
import dev.weft.runtime.jmx.LockServiceIntrospection;
import dev.weft.runtime.jmx.WeftMBeans;
import dev.weft.runtime.lock.LockRuleCheck;
import dev.weft.runtime.lock.LockService;
import dev.weft.runtime.lock.LockWeaveRule;
import dev.weft.runtime.lock.TransactionEnds;
import dev.weft.runtime.tcc.Transactions;
import dev.weft.runtime.txsync.JtaSynchronizations;
import dev.weft.runtime.txsync.SpringSynchronizations;
import dev.weft.runtime.weave.WeaveRule;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code locks:} (docs/locks.md): a Redis lock around every matched method, released once the method's transaction
 * ended, {@code dev.weft:type=Locks}. Always open, even with no lock rule: the lock service also holds TCC's owner locks
 * and answers {@code WeftBridge.fencingToken()}. Offers the JDBC feature the connections whose commit a lock waits
 * for.
 */
public final class LocksFeature implements Feature {
    @Override
    public String name() {
        return "locks";
    }

    @Override
    public List<Check> checks(WeftConfig config) {
        return config.locks().stream().map(rule -> new Check("lock", new LockRuleCheck(rule))).toList();
    }

    @Override
    public Optional<Running> open(WeftConfig config, Shared shared) {
        LockService locks = new LockService(config.redis());
        shared.offer(LockService.class, locks);
        shared.answerFencingToken(locks::fencingToken);
        if (!config.locks().isEmpty()) {
            shared.offer(UncommittedWrites.class, waitForCommits(locks));
        }
        return Optional.of(new Running() {
            @Override
            public List<WeaveRule> rules() {
                return config.locks().stream().<WeaveRule>map(rule -> new LockWeaveRule(rule, locks)).toList();
            }

            @Override
            public void connect() {
                modesInUse(config).forEach(locks::startConnecting);
            }

            @Override
            public void registerBeans(WeftMBeans beans) {
                beans.registerLocks(new LockServiceIntrospection(locks));
            }

            /**
             * A method returns before its lock's release is answered: without this wait, a JVM that exits right
             * after would close its connection with the release unsent or unread, and the lock would stay held
             * until its lease ran out.
             */
            @Override
            public void stop(Duration within) {
                locks.awaitReleases(within);
            }

            @Override
            public String describe() {
                return config.locks().size() + " lock rule(s)";
            }

            @Override
            public void close() {
                locks.close();
            }
        });
    }

    /**
     * What a lock's release waits for (docs/locks.md, "Held until the data is committed"): Spring-managed and JTA
     * transactions, and JDBC connections a locked method wrote on, which the JDBC feature's hooks then follow.
     */
    private static UncommittedWrites waitForCommits(LockService locks) {
        UncommittedWrites writes = new UncommittedWrites(locks::runningLocked);
        locks.waitFor(TransactionEnds.all(List.of(new SpringSynchronizations(), new JtaSynchronizations(), writes)));
        return writes;
    }

    /** The lock rules' modes, and single Redis for the owner locks of phase two with a shared transaction log. */
    private static Stream<LockMode> modesInUse(WeftConfig config) {
        Stream<LockMode> owners = Transactions.configured(config.transactions()) && config.transactions().sharedLog()
                ? Stream.of(LockMode.SINGLE) : Stream.empty();
        return Stream.concat(config.locks().stream().map(LockRule::mode), owners).distinct();
    }
}
