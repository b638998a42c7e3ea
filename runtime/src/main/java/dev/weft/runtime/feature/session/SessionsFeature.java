package dev.weft.runtime.feature.session;

import dev.weft.runtime.config.ConfigSection;
import dev.weft.runtime.config.WeftConfig;
import dev.weft.runtime.feature.Feature;
import dev.weft.runtime.feature.Shared;
import dev.weft.runtime.jmx.SessionsBean;
import dev.weft.runtime.jmx.SessionsMXBean;
import dev.weft.runtime.jmx.WeftMBeans;
import dev.weft.runtime.session.SessionSettings;
import dev.weft.runtime.session.Sessions;
import dev.weft.runtime.session.SessionsSection;
import dev.weft.runtime.weave.WeaveRule;
import java.util.List;
import java.util.Optional;

/**
 * {@code sessions:} (docs/sessions.md): the servlet containers' {@code HttpSession} kept in Redis, so that any instance
 * serves any request. Needs nothing from the other features.
 */
public final class SessionsFeature implements Feature {
    static final SessionsSection SECTION = new SessionsSection();

    @Override
    public String name() {
        return "sessions";
    }

    @Override
    public List<ConfigSection<?>> sections() {
        return List.of(SECTION);
    }

    @Override
    public Optional<Running> open(WeftConfig config, Shared shared) {
        SessionSettings settings = config.section(SECTION);
        if (!settings.enabled()) {
            return Optional.empty();
        }
        Sessions sessions = new Sessions(settings, config.redis());
        return Optional.of(new Running() {
            @Override
            public List<WeaveRule> rules() {
                return sessions.weaveRules();
            }

            @Override
            public void connect() {
                sessions.startConnecting();
            }

            @Override
            public void registerBeans(WeftMBeans beans) {
                beans.register("Sessions", SessionsMXBean.class, new SessionsBean(sessions.counters()));
            }

            @Override
            public String describe() {
                return sessions.describe();
            }

            @Override
            public void close() {
                sessions.close();
            }
        });
    }
}
