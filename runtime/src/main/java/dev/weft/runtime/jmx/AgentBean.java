package dev.weft.runtime.jmx;

import dev.weft.runtime.redis.RedisTopology;

import dev.weft.runtime.weave.SelectorStats;
import dev.weft.runtime.weave.WeaveStats;
import java.util.List;

/** {@link AgentMXBean} over the weaver's counts. */
final class AgentBean implements AgentMXBean {
    private final String version;
    private final String configFile;
    private final WeaveStats weaving;
    private final RedisView redis;

    AgentBean(String version, String configFile, WeaveStats weaving, RedisView redis) {
        this.version = version;
        this.configFile = configFile;
        this.weaving = weaving;
        this.redis = redis;
    }

    @Override
    public String getRedisDeployment() {
        return redis.describe();
    }

    @Override
    public List<String> getRedisNodes() {
        return redis.topology().map(RedisTopology::nodes).orElse(List.of());
    }

    @Override
    public List<String> getRedisMasters() {
        return redis.topology().map(RedisTopology::masters).orElse(List.of());
    }

    @Override
    public String getVersion() {
        return version;
    }

    @Override
    public String getConfigFile() {
        return configFile;
    }

    @Override
    public long getWovenMethods() {
        return weaving.wovenMethods();
    }

    @Override
    public long getRejectedMethods() {
        return weaving.rejectedMethods();
    }

    @Override
    public long getWeaveFailures() {
        return weaving.failedTypes();
    }

    /**
     * The selectors of weft.yaml, and those of Weft's own hooks (JDBC, HTTP) that wove something: a hook for a library
     * the application does not use is noise, not news.
     */
    @Override
    public List<SelectorView> getSelectors() {
        return weaving.selectors().stream()
                .filter(s -> s.rule().fromConfig() || s.wovenMethods() > 0)
                .map(AgentBean::view)
                .toList();
    }

    @Override
    public List<String> getUnmatchedSelectors() {
        return weaving.unmatched().stream().map(s -> s.rule().position() + ": " + s.rule().selector().text()).toList();
    }

    private static SelectorView view(SelectorStats s) {
        return new SelectorView(s.rule().selector().text(), s.rule().position().toString(), s.wovenMethods(),
                s.calls(), s.failures(), s.skipped(), s.waitTimes(), s.runTimes());
    }
}
