package dev.weft.runtime;

import dev.weft.runtime.config.ConfigSection;
import dev.weft.runtime.feature.Feature;
import dev.weft.runtime.feature.http.HttpPropagationFeature;
import dev.weft.runtime.feature.jdbc.JdbcBarrierFeature;
import dev.weft.runtime.feature.locks.LocksFeature;
import dev.weft.runtime.feature.messaging.MessagesFeature;
import dev.weft.runtime.feature.notification.NotificationsFeature;
import dev.weft.runtime.feature.session.SessionsFeature;
import dev.weft.runtime.feature.tcc.TransactionsFeature;
import dev.weft.runtime.feature.xa.XaFeature;
import java.util.List;

/**
 * Every feature of the agent, in the order they open, weave and start: a feature may use what an earlier one offers
 * (transactions take the lock service; notifications add their idempotency key to the transactions' propagation,
 * which HTTP propagation takes; the JDBC hooks take
 * the messages' connection openers). Adding a feature is
 * adding it here (docs/contributing.md).
 */
public final class Features {
    private Features() {
    }

    public static List<Feature> all() {
        return List.of(new LocksFeature(), new TransactionsFeature(), new NotificationsFeature(),
                new HttpPropagationFeature(), new MessagesFeature(), new JdbcBarrierFeature(),
                new SessionsFeature(), new XaFeature());
    }

    /** The sections of weft.yaml that {@code features} read beside the built-in ones. */
    public static List<ConfigSection<?>> sections(List<Feature> features) {
        return features.stream().flatMap(feature -> feature.sections().stream()).toList();
    }
}
