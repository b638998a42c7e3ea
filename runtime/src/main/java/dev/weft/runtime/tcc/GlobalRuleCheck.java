package dev.weft.runtime.tcc;

import dev.weft.runtime.config.GlobalRule;
import dev.weft.runtime.config.MethodSelector;
import dev.weft.runtime.config.SourcePosition;
import dev.weft.runtime.weave.RuleCheck;
import java.util.Optional;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.dynamic.ClassFileLocator;

/** A global method can be any method: only its selector is checked (does it match anything?). */
public class GlobalRuleCheck implements RuleCheck {
    protected final GlobalRule rule;

    public GlobalRuleCheck(GlobalRule rule) {
        this.rule = rule;
    }

    @Override
    public MethodSelector selector() {
        return rule.selector();
    }

    @Override
    public SourcePosition position() {
        return rule.position();
    }

    @Override
    public Optional<String> problemWith(MethodDescription method, ClassFileLocator classFiles) {
        return Optional.empty();
    }
}
