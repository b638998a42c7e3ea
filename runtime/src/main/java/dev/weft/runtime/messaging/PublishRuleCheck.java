package dev.weft.runtime.messaging;

import dev.weft.runtime.key.ResolvedKeyTemplate;
import dev.weft.runtime.weave.ConfiguredRule;
import dev.weft.runtime.weave.MethodShape;
import java.util.Optional;

/**
 * A publish method must have the argument its payload names, or a return value if that is what it publishes, and what
 * its {@code id} template reads.
 */
public class PublishRuleCheck extends ConfiguredRule {
    private final PublishRule rule;

    public PublishRuleCheck(PublishRule rule) {
        super(rule.method(), rule.position());
        this.rule = rule;
    }

    protected PublishRule rule() {
        return rule;
    }

    /** The message ids of {@code method}, or empty for a unique id per message. */
    protected Optional<ResolvedKeyTemplate> resolveId(MethodShape method) {
        return rule.id().map(id -> id.resolve(method, method.parameterNames()));
    }

    @Override
    public Optional<String> problemWith(MethodShape method) {
        if (rule.id().isPresent()) {
            try {
                resolveId(method);
            } catch (IllegalArgumentException e) {
                return Optional.of(e.getMessage()); // names the template, the method and the placeholder already
            }
        }
        PayloadTemplate payload = rule.payload();
        if (payload.isReturnValue()) {
            return method.returnType().is(void.class)
                    ? Optional.of("payload \"" + payload.text() + "\" publishes the return value, but "
                            + method.displayName() + " returns void; publish an argument, e.g. \"{0}\"")
                    : Optional.empty();
        }
        int arguments = method.parameterTypes().size();
        if (payload.argument() >= arguments) {
            return Optional.of("payload \"" + payload.text() + "\" names argument " + payload.argument()
                    + ", but " + method.displayName() + " has " + arguments + "; count arguments from 0");
        }
        return Optional.empty();
    }
}
