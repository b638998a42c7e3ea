package dev.weft.runtime.messaging;

import dev.weft.runtime.weave.ConfiguredRule;
import dev.weft.runtime.weave.MethodShape;
import java.util.Optional;

/** A publish method must have the argument its payload names. */
public class PublishRuleCheck extends ConfiguredRule {
    private final PublishRule rule;

    public PublishRuleCheck(PublishRule rule) {
        super(rule.method(), rule.position());
        this.rule = rule;
    }

    protected PublishRule rule() {
        return rule;
    }

    @Override
    public Optional<String> problemWith(MethodShape method) {
        int arguments = method.parameterTypes().size();
        if (rule.payload().argument() >= arguments) {
            return Optional.of("payload \"" + rule.payload().text() + "\" names argument " + rule.payload().argument()
                    + ", but " + method.displayName() + " has " + arguments + "; count arguments from 0");
        }
        return Optional.empty();
    }
}
