package dev.weft.runtime.feature.xa;

import dev.weft.runtime.config.ConfigSection;
import dev.weft.runtime.config.GlobalRule;
import dev.weft.runtime.config.MethodSelector;
import dev.weft.runtime.config.WeftConfig;
import dev.weft.runtime.feature.Feature;
import dev.weft.runtime.feature.FeatureException;
import dev.weft.runtime.feature.Shared;
import dev.weft.runtime.jmx.WeftMBeans;
import dev.weft.runtime.jmx.XaBean;
import dev.weft.runtime.jmx.XaMXBean;
import dev.weft.runtime.tcc.TccThread;
import dev.weft.runtime.weave.MethodShape;
import dev.weft.runtime.weave.TypeShape;
import dev.weft.runtime.weave.WeaveRule;
import dev.weft.runtime.xa.Xa;
import dev.weft.runtime.xa.XaRuleCheck;
import dev.weft.runtime.xa.XaSection;
import dev.weft.runtime.xa.XaSettings;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code xa:} (docs/xa.md): methods whose JDBC connections, to any number of databases, commit or roll back together
 * in one XA transaction run by Narayana, with its object store on disk and recovery in process.
 */
public final class XaFeature implements Feature {
    static final XaSection SECTION = new XaSection();
    /** sysexits.h EX_CANTCREAT: the object store cannot be opened. */
    private static final int EXIT_CANNOT_CREATE = 73;

    @Override
    public String name() {
        return "XA";
    }

    @Override
    public List<ConfigSection<?>> sections() {
        return List.of(SECTION);
    }

    @Override
    public List<Check> checks(WeftConfig config) {
        XaSettings settings = config.section(SECTION);
        return settings.global().stream().map(rule -> new Check("xa.global", new XaRuleCheck(rule,
                        tccGlobal(config)), "every JDBC connection it obtains (DriverManager, DataSource, pool) to"
                        + " H2, PostgreSQL or MySQL/MariaDB commits in one XA transaction (two-phase, Narayana, object"
                        + " store " + settings.objectStore() + "); rolled back on an exception or after "
                        + rule.timeout().toSeconds() + "s"))
                .toList();
    }

    @Override
    public Optional<Running> open(WeftConfig config, Shared shared) {
        XaSettings settings = config.section(SECTION);
        if (settings.isEmpty()) {
            return Optional.empty();
        }
        Xa xa;
        try {
            xa = new Xa(settings, tccGlobal(config), TccThread::active);
        } catch (UncheckedIOException e) {
            throw new FeatureException("weft: cannot open the XA object store " + settings.objectStore() + ": "
                    + e.getMessage(), e, EXIT_CANNOT_CREATE, "xa: object store cannot be opened");
        }
        return Optional.of(new Running() {
            @Override
            public List<WeaveRule> rules() {
                return xa.weaveRules();
            }

            @Override
            public void connect() {
                xa.startRecovery();
            }

            @Override
            public void registerBeans(WeftMBeans beans) {
                beans.register("XA", XaMXBean.class, new XaBean(xa));
            }

            @Override
            public String describe() {
                return xa.describe();
            }

            @Override
            public void close() {
                xa.close();
            }
        });
    }

    /** Whether a method is selected by a {@code transactions.global} rule, as far as names tell. */
    private static Predicate<MethodShape> tccGlobal(WeftConfig config) {
        List<MethodSelector> selectors = config.transactions().global().stream().map(GlobalRule::selector).toList();
        return method -> selectors.stream().anyMatch(selector -> selector.matchesTypeName(method.declaringType().name())
                && selector.matchesMethodName(method.name())
                && selector.matchesParameters(method.parameterTypes().stream().map(TypeShape::name).toList()));
    }
}
