package dev.weft.runtime.notification;

import dev.weft.runtime.instances.InstanceSite;
import dev.weft.runtime.weave.MethodShape;
import dev.weft.runtime.weave.Site;
import dev.weft.runtime.weave.TypeShape;
import dev.weft.runtime.weave.WeaveRule;
import java.util.Optional;

/**
 * A {@code notifications:} entry as the weaver applies it: a {@link NotificationSite} on each matched method, whose
 * failures the caller does not see, and the class's instances remembered for the retries.
 */
final class NotificationWeaveRule extends NotificationRuleCheck implements WeaveRule {
    private final Notifications notifications;

    NotificationWeaveRule(NotificationRule rule, Notifications notifications) {
        super(rule);
        this.notifications = notifications;
    }

    @Override
    public Site createSite(MethodShape method) {
        return notifications.site(MethodRef.of(method), rule(), resolveId(method), method);
    }

    @Override
    public Optional<Site> instanceSite(TypeShape type) {
        return Optional.of(new InstanceSite(type.name(), notifications.instances()));
    }

    @Override
    public boolean absorbsFailures() {
        return true;
    }
}
