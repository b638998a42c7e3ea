package dev.weft.runtime.xa;

import dev.weft.runtime.weave.ConfiguredRule;
import dev.weft.runtime.weave.MethodShape;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * An {@code xa.global} rule as {@code weft check} and the start-up check see it: any method will do, unless it is
 * also a TCC global method (the two transactions do not nest).
 */
public class XaRuleCheck extends ConfiguredRule {
    private final XaRule rule;
    private final Predicate<MethodShape> tccGlobal;

    /** @param tccGlobal whether a method is selected by a {@code transactions.global} rule */
    public XaRuleCheck(XaRule rule, Predicate<MethodShape> tccGlobal) {
        super(rule.method(), rule.position());
        this.rule = rule;
        this.tccGlobal = tccGlobal;
    }

    protected XaRule rule() {
        return rule;
    }

    @Override
    public Optional<String> problemWith(MethodShape method) {
        if (tccGlobal.test(method)) {
            return Optional.of(method.displayName() + " is selected by both xa.global and transactions.global; an XA"
                    + " transaction and a TCC transaction do not nest, so choose one of the two for this method");
        }
        return Optional.empty();
    }
}
