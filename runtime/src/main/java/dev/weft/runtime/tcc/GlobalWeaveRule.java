package dev.weft.runtime.tcc;

import dev.weft.runtime.config.GlobalRule;
import dev.weft.runtime.weave.MethodShape;
import dev.weft.runtime.weave.Site;
import dev.weft.runtime.weave.WeaveRule;
import java.time.Duration;

/** A {@code transactions.global} entry as the weaver applies it: a {@link GlobalSite} on each matched method. */
final class GlobalWeaveRule extends GlobalRuleCheck implements WeaveRule {
    private final Coordination coordinator;
    private final Duration timeout;

    GlobalWeaveRule(GlobalRule rule, Duration defaultTimeout, Coordination coordinator) {
        super(rule);
        this.coordinator = coordinator;
        this.timeout = rule.timeout() == null ? defaultTimeout : rule.timeout();
    }

    @Override
    public Site createSite(MethodShape method) {
        return new GlobalSite(method.displayName(), timeout, coordinator);
    }
}
