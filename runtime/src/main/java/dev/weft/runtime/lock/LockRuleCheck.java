package dev.weft.runtime.lock;

import dev.weft.runtime.config.LockRule;
import dev.weft.runtime.config.SourcePosition;
import dev.weft.runtime.key.ResolvedKeyTemplate;
import dev.weft.runtime.weave.ConfiguredRule;
import dev.weft.runtime.weave.MethodShape;
import java.util.Optional;

/** A {@code locks:} entry checked against a method: does its key template fit the method's parameters? */
public class LockRuleCheck extends ConfiguredRule {
    protected final LockRule rule;

    public LockRuleCheck(LockRule rule) {
        super(rule.selector(), rule.position());
        this.rule = rule;
    }

    @Override
    public Optional<String> problemWith(MethodShape method) {
        try {
            resolveKey(method);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage()); // names the template, the method and the placeholder already
        }
    }

    @Override
    public SourcePosition problemPosition() {
        return rule.keyPosition();
    }

    protected ResolvedKeyTemplate resolveKey(MethodShape method) {
        return rule.key().resolve(method, method.parameterNames());
    }
}
