package dev.weft.runtime.jmx;

import dev.weft.runtime.config.ConfigLoader;
import dev.weft.runtime.config.WeftConfig;
import dev.weft.runtime.jdbc.JdbcWeaveRule;
import dev.weft.runtime.lock.LockRuleCheck;
import dev.weft.runtime.weave.Site;
import dev.weft.runtime.weave.WeaveFixtures;
import dev.weft.runtime.weave.WeaveStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;

/**
 * A private MBean server with Weft's beans over two lock rules: {@code reserve}, woven once and called three times
 * (two ran, one refused), and {@code restock}, which matched nothing; plus Weft's own JDBC hooks, of which only
 * the first wove a method.
 */
final class Fixture {
    static final String RESERVE = "com.acme.Shop#reserve(String)";
    static final String RESTOCK = "com.acme.Shop#restock(..)";

    final MBeanServer server = MBeanServerFactory.newMBeanServer();
    final InMemoryLocks locks = new InMemoryLocks();
    final Path configFile;

    Fixture(Path dir) throws Exception {
        configFile = Files.writeString(dir.resolve("weft.yaml"), """
                locks:
                  - method: %s
                    key: "sku:{0}"
                  - method: %s
                    key: "restock"
                jdbc:
                  barrier: true
                """.formatted(RESERVE, RESTOCK));
        WeftConfig config = ConfigLoader.load(configFile, Map.of());
        LockRuleCheck reserve = new LockRuleCheck(config.locks().get(0));
        WeaveStats stats = WeaveFixtures.stats(reserve, new LockRuleCheck(config.locks().get(1)));
        WeaveFixtures.woven(stats, reserve);
        List<JdbcWeaveRule> hooks = JdbcWeaveRule.all(config.jdbc());
        WeaveFixtures.woven(stats, hooks.get(0));
        hooks.subList(1, hooks.size()).forEach(hook -> WeaveFixtures.track(stats, hook));
        WeaveFixtures.call(stats, reserve, site(false));
        WeaveFixtures.call(stats, reserve, site(false));
        WeaveFixtures.call(stats, reserve, site(true));
        WeftMBeans.register(server, configFile.toString(), locks, stats);
    }

    private static Site site(boolean refuse) {
        return new Site() {
            @Override
            public Object enter(Class<?> declaringType, Object self, Object[] arguments) {
                if (refuse) {
                    throw new IllegalStateException("refused");
                }
                return "held";
            }

            @Override
            public void exit(Object scope, Throwable thrown) {
            }
        };
    }
}
