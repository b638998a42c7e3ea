package dev.weft.runtime.messaging;

import dev.weft.runtime.weave.ConfiguredRule;
import dev.weft.runtime.weave.MethodShape;
import java.util.Optional;

/** A consumer method takes the payload as its one argument. */
public class ConsumeRuleCheck extends ConfiguredRule {
    private final ConsumeRule rule;

    public ConsumeRuleCheck(ConsumeRule rule) {
        super(rule.method(), rule.position());
        this.rule = rule;
    }

    protected ConsumeRule rule() {
        return rule;
    }

    @Override
    public Optional<String> problemWith(MethodShape method) {
        if (method.parameterTypes().size() != 1) {
            return Optional.of(method.displayName() + " has " + method.parameterTypes().size() + " arguments; a"
                    + " consumer method takes exactly one, the message's payload, e.g. onOrder(Order order)");
        }
        return Optional.empty();
    }
}
