package dev.weft.runtime.weave;

import dev.weft.runtime.config.MethodSelector;
import dev.weft.runtime.config.SourcePosition;

/** What every rule from weft.yaml has: the selector it was written with, and where it was written. */
public abstract class ConfiguredRule implements RuleCheck {
    private final MethodSelector selector;
    private final SourcePosition position;

    protected ConfiguredRule(MethodSelector selector, SourcePosition position) {
        this.selector = selector;
        this.position = position;
    }

    @Override
    public final MethodSelector selector() {
        return selector;
    }

    @Override
    public final SourcePosition position() {
        return position;
    }
}
