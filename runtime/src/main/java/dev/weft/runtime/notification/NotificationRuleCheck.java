package dev.weft.runtime.notification;

import dev.weft.runtime.key.ResolvedKeyTemplate;
import dev.weft.runtime.weave.ConfiguredRule;
import dev.weft.runtime.weave.MethodShape;
import java.util.Optional;

/**
 * A notification method must return {@code void} (its caller returns normally when a call fails, so there is no value
 * to hand back) and have what its {@code id} template reads.
 */
public class NotificationRuleCheck extends ConfiguredRule {
    private final NotificationRule rule;

    public NotificationRuleCheck(NotificationRule rule) {
        super(rule.method(), rule.position());
        this.rule = rule;
    }

    protected NotificationRule rule() {
        return rule;
    }

    protected ResolvedKeyTemplate resolveId(MethodShape method) {
        return rule.id().resolve(method, method.parameterNames());
    }

    @Override
    public Optional<String> problemWith(MethodShape method) {
        if (!method.returnType().is(void.class)) {
            return Optional.of(method.displayName() + " returns " + method.returnType().name() + ", but a notification"
                    + " method must return void: a failed call returns normally to its caller and is retried later,"
                    + " so there is no value to return; make it void or remove it from notifications");
        }
        try {
            resolveId(method);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage()); // names the template, the method and the placeholder already
        }
        return Optional.empty();
    }
}
