package dev.weft.runtime.messaging;

import dev.weft.runtime.instances.InstanceSite;
import dev.weft.runtime.instances.Instances;
import dev.weft.runtime.weave.MethodShape;
import dev.weft.runtime.weave.Site;
import dev.weft.runtime.weave.TypeShape;
import dev.weft.runtime.weave.WeaveRule;
import java.util.Optional;

/**
 * A {@code messages.consume} entry as the weaver applies it. Weft calls the consumer method itself, so the method's
 * own site does nothing; what matters is that its class is being loaded (the group's loop can start) and that its
 * instances are remembered, to call the method on the application's own object.
 */
final class ConsumeWeaveRule extends ConsumeRuleCheck implements WeaveRule {
    /** Passes the body through: a null scope would skip it. */
    private static final Site PASS_THROUGH = new Site() {
        @Override
        public Object enter(Class<?> declaringType, Object self, Object[] arguments) {
            return Boolean.TRUE;
        }

        @Override
        public void exit(Object scope, Throwable thrown) {
        }
    };

    private final Messaging messaging;
    private final Instances instances;

    ConsumeWeaveRule(ConsumeRule rule, Messaging messaging, Instances instances) {
        super(rule);
        this.messaging = messaging;
        this.instances = instances;
    }

    @Override
    public Site createSite(MethodShape method) {
        messaging.consumerClassLoading(rule(), method.declaringType().name());
        return PASS_THROUGH;
    }

    @Override
    public Optional<Site> instanceSite(TypeShape type) {
        return Optional.of(new InstanceSite(type.name(), instances));
    }
}
