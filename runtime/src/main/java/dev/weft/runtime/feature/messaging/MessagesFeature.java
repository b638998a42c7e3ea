package dev.weft.runtime.feature.messaging;

import dev.weft.runtime.config.ConfigSection;
import dev.weft.runtime.config.WeftConfig;
import dev.weft.runtime.feature.Feature;
import dev.weft.runtime.feature.Shared;
import dev.weft.runtime.jdbc.ConnectionOpeners;
import dev.weft.runtime.jmx.MessagesBean;
import dev.weft.runtime.jmx.MessagesMXBean;
import dev.weft.runtime.jmx.WeftMBeans;
import dev.weft.runtime.messaging.ConsumeRuleCheck;
import dev.weft.runtime.messaging.MessageSettings;
import dev.weft.runtime.messaging.Messaging;
import dev.weft.runtime.messaging.MessagesSection;
import dev.weft.runtime.messaging.PublishRule;
import dev.weft.runtime.messaging.PublishRuleCheck;
import dev.weft.runtime.weave.WeaveRule;
import dev.weft.runtime.weave.WovenClassLoaders;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code messages:} (docs/outbox.md): publish methods whose message goes through the outbox table in their own
 * transaction, and consumer groups whose effects are recorded once through the inbox table. Opens before the JDBC
 * hooks, which it needs woven ({@link ConnectionOpeners} offered through {@link Shared}).
 */
public final class MessagesFeature implements Feature {
    static final MessagesSection SECTION = new MessagesSection();

    @Override
    public String name() {
        return "messages";
    }

    @Override
    public List<ConfigSection<?>> sections() {
        return List.of(SECTION);
    }

    @Override
    public List<Check> checks(WeftConfig config) {
        MessageSettings settings = config.section(SECTION);
        return Stream.concat(
                settings.publish().stream().map(rule -> new Check("publish", new PublishRuleCheck(rule),
                        publishNote(rule))),
                settings.consume().stream().map(rule -> new Check("consume", new ConsumeRuleCheck(rule),
                        "stream '" + rule.stream() + "' as group '" + rule.group() + "': exactly once for the JDBC"
                                + " work the method does on its thread (weft_inbox commits with it), at least once"
                                + " for anything else it does")))
                .toList();
    }

    private static String publishNote(PublishRule rule) {
        if (rule.mode() == PublishRule.Mode.OUTBOX) {
            return "to stream '" + rule.stream() + "' through weft_outbox, only when the method's JDBC transaction"
                    + " commits; a call that does no JDBC work fails";
        }
        return rule.checkBack().map(checkBack -> "to stream '" + rule.stream() + "' as a prepared message, when the"
                + " method returns normally; one left by a crash is published if " + checkBack.text() + " answers"
                + " true after " + rule.checkAfter().toSeconds() + "s").orElse("to stream '" + rule.stream()
                + "' as a prepared message, only when the method's JDBC transaction commits (weft_msg_barrier);"
                + " one left by a crash is checked back in that database after " + rule.checkAfter().toSeconds()
                + "s; a call that does no JDBC work fails");
    }

    @Override
    public Optional<Running> open(WeftConfig config, Shared shared) {
        MessageSettings settings = config.section(SECTION);
        if (settings.isEmpty()) {
            return Optional.empty();
        }
        ConnectionOpeners openers = ConnectionOpeners.recorded();
        shared.offer(ConnectionOpeners.class, openers);
        Messaging messaging = new Messaging(settings, config.jdbc(), config.redis(), openers,
                shared.find(WovenClassLoaders.class).orElseThrow()::seen);
        return Optional.of(new Running() {
            @Override
            public List<WeaveRule> rules() {
                return messaging.weaveRules();
            }

            @Override
            public void start() {
                messaging.start();
            }

            @Override
            public void connect() {
                messaging.connect();
            }

            @Override
            public void registerBeans(WeftMBeans beans) {
                beans.register("Messages", MessagesMXBean.class, new MessagesBean(messaging));
            }

            @Override
            public String describe() {
                return settings.publish().size() + " publish rule(s), " + settings.consume().size()
                        + " consumer group(s)";
            }

            @Override
            public void stop(Duration within) {
                messaging.stop(within);
            }

            @Override
            public void close() {
                messaging.close();
            }
        });
    }
}
