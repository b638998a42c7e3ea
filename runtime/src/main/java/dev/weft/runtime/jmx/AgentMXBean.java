package dev.weft.runtime.jmx;

import java.util.List;

/** {@code dev.weft:type=Agent}: what the agent was told and what it wove. */
public interface AgentMXBean {
    String getVersion();

    String getConfigFile();

    /** Methods woven so far (classes load lazily, so this grows as the application runs). */
    long getWovenMethods();

    /** Methods matched by a rule that could not be honoured there; every call of them fails. */
    long getRejectedMethods();

    /** Types Weft tried to weave and could not (see the error log). */
    long getWeaveFailures();

    /** Every selector of the config, in file order, with its counts since start. */
    List<SelectorView> getSelectors();

    /** Selectors that have woven no method yet, as {@code file:line:column: selector}. */
    List<String> getUnmatchedSelectors();

    /**
     * The Redis of {@code redis:} as Redis describes it now, e.g. {@code cluster, masters h1:7000,h2:7001,h3:7002 of 6
     * nodes} or {@code sentinel, master h2:6379 of 3 nodes}; why not, when it cannot be reached.
     */
    String getRedisDeployment();

    /** Every node the client knows ({@code host:port}): the server, the Sentinels, or the cluster's nodes. */
    List<String> getRedisNodes();

    /** The master(s) taking writes now ({@code host:port}). */
    List<String> getRedisMasters();
}
