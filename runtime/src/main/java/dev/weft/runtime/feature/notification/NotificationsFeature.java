package dev.weft.runtime.feature.notification;

import dev.weft.runtime.config.ConfigSection;
import dev.weft.runtime.config.WeftConfig;
import dev.weft.runtime.feature.Feature;
import dev.weft.runtime.feature.FeatureException;
import dev.weft.runtime.feature.Shared;
import dev.weft.runtime.jmx.NotificationsBean;
import dev.weft.runtime.jmx.NotificationsMXBean;
import dev.weft.runtime.jmx.WeftMBeans;
import dev.weft.runtime.notification.IdempotencyKeys;
import dev.weft.runtime.notification.NotificationStore;
import dev.weft.runtime.notification.NotificationRule;
import dev.weft.runtime.notification.NotificationRuleCheck;
import dev.weft.runtime.notification.NotificationSettings;
import dev.weft.runtime.notification.Notifications;
import dev.weft.runtime.notification.NotificationsSection;
import dev.weft.runtime.notification.StoreChoice;
import dev.weft.runtime.tcc.TransactionPropagation;
import dev.weft.runtime.txlog.TransactionLogException;
import dev.weft.runtime.weave.WeaveRule;
import dev.weft.runtime.weave.WovenClassLoaders;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code notifications:} (docs/notifications.md): void methods whose calls are recorded before they run, and retried
 * on a schedule by any instance until they return normally, then dead-lettered. Opens before HTTP propagation, to
 * which it hands the transactions' propagation with {@code Weft-Idempotency-Key} added (so HTTP propagation is on
 * whenever notifications are).
 */
public final class NotificationsFeature implements Feature {
    static final NotificationsSection SECTION = new NotificationsSection();
    /** sysexits.h EX_CANTCREAT, as for the transaction log: the file store's directory cannot be opened. */
    static final int EXIT_CANT_OPEN_STORE = 73;

    @Override
    public String name() {
        return "notifications";
    }

    @Override
    public List<ConfigSection<?>> sections() {
        return List.of(SECTION);
    }

    @Override
    public List<Check> checks(WeftConfig config) {
        return config.section(SECTION).rules().stream()
                .map(rule -> new Check("notification", new NotificationRuleCheck(rule), note(rule)))
                .toList();
    }

    private static String note(NotificationRule rule) {
        return "id \"" + rule.id().text() + "\": recorded before it runs; a failure returns normally to the caller and"
                + " is retried by any instance after " + rule.schedule().stream().map(pause -> pause.toMillis()
                + "ms").toList() + ", then dead-lettered";
    }

    @Override
    public Optional<Running> open(WeftConfig config, Shared shared) {
        NotificationSettings settings = config.section(SECTION);
        if (settings.isEmpty()) {
            return Optional.empty();
        }
        shared.offer(TransactionPropagation.class, new IdempotencyKeys(
                shared.find(TransactionPropagation.class).orElse(TransactionPropagation.NONE)));
        Supplier<List<ClassLoader>> loaders = shared.find(WovenClassLoaders.class).orElseThrow()::seen;
        NotificationStore store;
        try {
            store = StoreChoice.open(config.transactions(), config.redis(), config.jdbc().createTable(), loaders);
        } catch (TransactionLogException e) {
            throw new FeatureException(e.getMessage(), e, EXIT_CANT_OPEN_STORE,
                    "the notifications' file store cannot be opened");
        }
        Notifications notifications = new Notifications(settings, store, loaders);
        return Optional.of(new Running() {
            @Override
            public List<WeaveRule> rules() {
                return notifications.weaveRules();
            }

            @Override
            public void start() {
                notifications.start();
            }

            @Override
            public void registerBeans(WeftMBeans beans) {
                beans.register("Notifications", NotificationsMXBean.class, new NotificationsBean(notifications));
            }

            @Override
            public String describe() {
                return settings.rules().size() + " notification rule(s) in " + notifications.describeStore();
            }

            @Override
            public void stop(Duration within) {
                notifications.stop(within);
            }

            @Override
            public void close() {
                notifications.close();
            }
        });
    }
}
