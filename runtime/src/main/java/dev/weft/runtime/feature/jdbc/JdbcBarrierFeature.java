package dev.weft.runtime.feature.jdbc;

import dev.weft.runtime.config.WeftConfig;
import dev.weft.runtime.feature.Feature;
import dev.weft.runtime.feature.Shared;
import dev.weft.runtime.jdbc.ConnectionOpeners;
import dev.weft.runtime.jdbc.JdbcWeaveRule;
import dev.weft.runtime.jdbc.UncommittedWrites;
import dev.weft.runtime.weave.WeaveRule;
import java.util.List;
import java.util.Optional;

/**
 * Hooks in every driver's connections and statements, for {@code jdbc.barrier} (docs/jdbc-barrier.md), for locks
 * that wait for a connection's commit (docs/locks.md; the locks feature offers their {@link UncommittedWrites}) and
 * for the transactions of publish and consume methods (docs/outbox.md; the messages feature offers the
 * {@link ConnectionOpeners} the hooks record into). Its
 * rules are Weft's own, not the user's, so there is nothing for {@code weft check}: they name JDBC interfaces, whose methods are all
 * abstract, and every class that implements them is found as it loads.
 */
public final class JdbcBarrierFeature implements Feature {
    @Override
    public String name() {
        return "JDBC barrier";
    }

    @Override
    public Optional<Running> open(WeftConfig config, Shared shared) {
        List<WeaveRule> rules = List.copyOf(JdbcWeaveRule.all(config.jdbc(),
                shared.find(UncommittedWrites.class).orElse(null), shared.find(ConnectionOpeners.class).isPresent()));
        if (rules.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Running() {
            @Override
            public List<WeaveRule> rules() {
                return rules;
            }

            @Override
            public String describe() {
                return "JDBC barrier " + (config.jdbc().barrier() ? "on" : "off");
            }
        });
    }
}
