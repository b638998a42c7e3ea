package dev.weft.runtime.feature;

import dev.weft.runtime.config.ConfigSection;
import dev.weft.runtime.config.WeftConfig;
import dev.weft.runtime.jmx.WeftMBeans;
import dev.weft.runtime.weave.CallSiteRewrite;
import dev.weft.runtime.weave.RuleCheck;
import dev.weft.runtime.weave.WeaveRule;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One thing Weft does for an application (locks, TCC transactions, the JDBC barrier, HTTP propagation, ...), plugged
 * into start-up, {@code weft check} and JMX through this interface alone. Start-up opens every feature of
 * {@code dev.weft.runtime.Features} in order, weaves what they ask for, then starts them; docs/contributing.md walks
 * through writing one.
 */
public interface Feature {
    /** Its name in the start-up line and in {@code weft check}, e.g. {@code locks}. */
    String name();

    /**
     * Its own top-level sections of weft.yaml, read with the built-in ones and checked the same way; what was read
     * is {@code config.section(section)}. The built-in features' sections ({@code locks}, {@code transactions},
     * {@code jdbc}) are read by the config package itself.
     */
    default List<ConfigSection<?>> sections() {
        return List.of();
    }

    /**
     * The rules the user wrote in weft.yaml for this feature, seen only as "which methods, and can it be honoured
     * there": checked against the class path before {@code main} and by {@code weft check}, with nothing connected.
     */
    default List<Check> checks(WeftConfig config) {
        return List.of();
    }

    /**
     * Builds the feature's service for this config: opens its stores, makes its rules. Nothing is woven yet and no
     * application code has run; Redis is connected later, off the start-up path ({@link Running#connect}).
     *
     * @param shared what features opened earlier offer this one, and where it offers its own services
     * @return empty when the config does not ask for this feature: it then costs nothing
     * @throws FeatureException when it cannot run safely (a store that cannot be opened); start-up stops there
     */
    Optional<Running> open(WeftConfig config, Shared shared);

    /**
     * A rule as {@code weft check} lists it: {@code kind} is how the user calls it, e.g. {@code lock}; {@code note},
     * when not null, is what the rule guarantees that its YAML alone does not tell, printed under it.
     */
    record Check(String kind, RuleCheck rule, String note) {
        public Check(String kind, RuleCheck rule) {
            this(kind, rule, null);
        }
    }

    /** A feature opened for this run. */
    interface Running extends AutoCloseable {
        /** What to weave: each rule's selector, and the site that runs around every method it matches. */
        List<WeaveRule> rules();

        /** Calls to rewrite in application classes, for members Weft must not weave themselves (JDK classes). */
        default List<CallSiteRewrite> callSites() {
            return List.of();
        }

        /** Once its rules are woven: background work such as finishing what a log held from a previous run. */
        default void start() {
        }

        /** On the background start-up thread, after the weaver is warm: connections that may wait on the network. */
        default void connect() {
        }

        /**
         * Registers its MXBean, {@code dev.weft:type=<Name>}, which reads the feature's domain objects (they know
         * nothing of JMX); on the background start-up thread, only when {@code jmx.enabled}.
         */
        default void registerBeans(WeftMBeans beans) {
        }

        /**
         * The JVM is exiting normally: stop background work, and finish or hand back what is in flight (a claim, an
         * owner lock, a batch) so that other processes need not wait for it to expire. Application threads may
         * still be running woven methods until the JVM halts, so what they use stays open, and the locks they hold
         * stay held. Returns within {@code within}; what is not done by then is left as a crash leaves it.
         */
        default void stop(Duration within) {
        }

        /** Its part of the start-up line, e.g. {@code 2 lock rule(s)}. */
        String describe();

        @Override
        default void close() {
        }
    }
}
