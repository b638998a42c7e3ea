package dev.weft.runtime.tcc;

import dev.weft.runtime.config.GlobalRule;
import dev.weft.runtime.weave.ConfiguredRule;
import dev.weft.runtime.weave.MethodShape;
import java.util.Optional;

/** A global method can be any method: only its selector is checked (does it match anything?). */
public class GlobalRuleCheck extends ConfiguredRule {
    public GlobalRuleCheck(GlobalRule rule) {
        super(rule.selector(), rule.position());
    }

    @Override
    public Optional<String> problemWith(MethodShape method) {
        return Optional.empty();
    }
}
