package dev.weft.runtime.xa;

import dev.weft.runtime.weave.MethodShape;
import dev.weft.runtime.weave.Site;
import dev.weft.runtime.weave.WeaveRule;
import java.util.function.Predicate;

/** An {@code xa.global} rule as the weaver applies it: an {@link XaGlobalSite} on each matched method. */
final class XaWeaveRule extends XaRuleCheck implements WeaveRule {
    private final XaTransactions transactions;

    XaWeaveRule(XaRule rule, Predicate<MethodShape> tccGlobal, XaTransactions transactions) {
        super(rule, tccGlobal);
        this.transactions = transactions;
    }

    @Override
    public Site createSite(MethodShape method) {
        return new XaGlobalSite(transactions, method.displayName(), rule().timeout());
    }
}
