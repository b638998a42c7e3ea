package dev.weft.runtime.lock;

import dev.weft.runtime.config.LockRule;
import dev.weft.runtime.key.WovenKeys;
import dev.weft.runtime.weave.MethodShape;
import dev.weft.runtime.weave.Site;
import dev.weft.runtime.weave.WeaveRule;

/** A {@code locks:} entry as the weaver applies it: each matched method gets a {@link LockSite}. */
public final class LockWeaveRule extends LockRuleCheck implements WeaveRule {
    private final LockService locks;
    private final LockOptions options;

    public LockWeaveRule(LockRule rule, LockService locks) {
        super(rule);
        this.locks = locks;
        this.options = new LockOptions(rule.lease(), rule.maxWait(), rule.onBusy(), rule.onLost(), rule.mode(),
                rule.replicas(), rule.selector().text(), true);
    }

    @Override
    public Site createSite(MethodShape method) {
        return new LockSite(new WovenKeys(resolveKey(method), method), locks, options);
    }
}
