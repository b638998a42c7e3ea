package dev.weft.runtime.messaging;

import dev.weft.runtime.key.WovenKeys;
import dev.weft.runtime.weave.MethodShape;
import dev.weft.runtime.weave.Site;
import dev.weft.runtime.weave.WeaveRule;

/** A {@code messages.publish} entry as the weaver applies it: a {@link PublishSite} on each matched method. */
final class PublishWeaveRule extends PublishRuleCheck implements WeaveRule {
    private final Messaging messaging;

    PublishWeaveRule(PublishRule rule, Messaging messaging) {
        super(rule);
        this.messaging = messaging;
    }

    @Override
    public Site createSite(MethodShape method) {
        return messaging.publishSite(method.displayName(), rule(), new MessageIds(resolveId(method)
                .map(id -> new WovenKeys(id, method))));
    }

    @Override
    public boolean seesReturnValue() {
        return rule().payload().isReturnValue();
    }
}
