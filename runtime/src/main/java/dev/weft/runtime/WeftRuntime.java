package dev.weft.runtime;

import dev.weft.bootstrap.WeftBridge;
import dev.weft.runtime.config.ConfigException;
import dev.weft.runtime.config.ConfigLoader;
import dev.weft.runtime.config.ConfigLocator;
import dev.weft.runtime.config.ConfigProblem;
import dev.weft.runtime.config.OnConfigError;
import dev.weft.runtime.config.WeftConfig;
import dev.weft.runtime.feature.Feature;
import dev.weft.runtime.feature.FeatureException;
import dev.weft.runtime.feature.Shared;
import dev.weft.runtime.jmx.RedisProbe;
import dev.weft.runtime.jmx.WeftMBeans;
import dev.weft.runtime.log.Log;
import dev.weft.runtime.weave.BridgeDispatcher;
import dev.weft.runtime.weave.RuntimeContextLoader;
import dev.weft.runtime.weave.SiteRegistry;
import dev.weft.runtime.weave.StartupCheck;
import dev.weft.runtime.weave.UnmatchedReport;
import dev.weft.runtime.weave.WeaveStats;
import dev.weft.runtime.weave.Weaver;
import dev.weft.runtime.weave.WovenClassLoaders;
import java.io.File;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Start-up of the runtime, called reflectively by {@code dev.weft.agent.WeftAgent} inside the private class loader:
 * read and check the config, open every {@link Features feature}, install the bridge, weave, then start them. Redis
 * is connected in the background so that start-up never waits on the network.
 */
public final class WeftRuntime {
    /** sysexits.h EX_CONFIG, promised by SPEC section 2. */
    static final int EXIT_CONFIG = 78;
    /** The exit waits for Weft at most this many {@code redis.timeout}s (Shutdown): a relay batch, then a round. */
    private static final int EXIT_ROUND_TRIPS = 3;

    private WeftRuntime() {
    }

    public static void start(String agentArgs, Instrumentation inst, File agentJar, boolean beforeMain) {
        ClassLoader application = RuntimeContextLoader.use(); // threads started from here inherit it
        try {
            startWithRuntimeLoader(agentArgs, inst, beforeMain);
        } finally {
            RuntimeContextLoader.restore(application);
        }
    }

    private static void startWithRuntimeLoader(String agentArgs, Instrumentation inst, boolean beforeMain) {
        long started = System.nanoTime();
        Map<String, String> env = System.getenv();
        Optional<Path> file;
        try {
            file = ConfigLocator.locate(agentArgs, systemProperties(), env, Path.of("").toAbsolutePath());
        } catch (ConfigException e) {
            refuse(e.problems(), e.onConfigError(), beforeMain, "the config location");
            return;
        }
        if (file.isEmpty()) {
            Log.warn("no config found (agent argument config=, -Dweft.config, WEFT_CONFIG or ./weft.yaml);"
                    + " running with nothing woven");
            return;
        }
        List<Feature> features = Features.all();
        WeftConfig config;
        try {
            config = ConfigLoader.load(file.get(), env, Features.sections(features));
        } catch (ConfigException e) {
            refuse(e.problems(), e.onConfigError(), beforeMain, file.get().toString());
            return;
        }
        Log.setLevel(config.logLevel());

        StartupCheck startupCheck = new StartupCheck(config.unmatched().onUnmatched());
        List<ConfigProblem> problems = startupCheck.check(features.stream()
                .flatMap(feature -> feature.checks(config).stream()).map(Feature.Check::rule).toList());
        if (!problems.isEmpty()) {
            refuse(problems, config.onConfigError(), beforeMain, file.get().toString());
            return;
        }
        Shared shared = new Shared();
        // the class loaders of the application's woven classes: where a JDBC log finds its driver in a fat jar
        WovenClassLoaders wovenLoaders = new WovenClassLoaders();
        shared.offer(WovenClassLoaders.class, wovenLoaders);
        List<Feature.Running> running = new ArrayList<>();
        List<String> described = new ArrayList<>();
        try {
            for (Feature feature : features) {
                Optional<Feature.Running> opened = feature.open(config, shared);
                opened.ifPresent(running::add);
                described.add(opened.map(Feature.Running::describe).orElse("no " + feature.name()));
            }
        } catch (FeatureException e) {
            running.forEach(Feature.Running::close);
            refuse(e, beforeMain);
            return;
        }

        SiteRegistry sites = new SiteRegistry();
        WeaveStats stats = new WeaveStats();
        WeftBridge.install(new BridgeDispatcher(sites, shared.fencingToken(), shared.outgoingRequests(), shared.handOffs()));
        Weaver weaver = new Weaver(running.stream().flatMap(feature -> feature.rules().stream()).toList(),
                running.stream().flatMap(feature -> feature.callSites().stream()).toList(), sites, stats, wovenLoaders);
        weaver.install(inst);
        new UnmatchedReport(stats, config.unmatched().warnAfter(), startupCheck.warned()).start();
        running.forEach(Feature.Running::start);
        new Shutdown(running, config.redis().timeout().multipliedBy(EXIT_ROUND_TRIPS)).register();
        // The rest is not needed before main, and on a small machine it would compete with main for the CPU. In the
        // order it is needed: the weaver (a woven class may load any moment), Redis, then the JMX beans (the platform
        // MBean server takes tens of milliseconds to build).
        Thread background = new Thread(() -> {
            weaver.warmUp();
            running.forEach(Feature.Running::connect);
            if (config.jmxEnabled()) {
                WeftMBeans beans = WeftMBeans.platform(stats);
                beans.registerAgent(String.valueOf(config.source()), new RedisProbe(config.redis()));
                running.forEach(feature -> feature.registerBeans(beans));
            }
        }, "weft-start");
        background.setDaemon(true);
        background.start();
        Log.info("Weft " + WeftVersion.get() + " started in " + (System.nanoTime() - started) / 1_000_000 + " ms: "
                + String.join(", ", described) + ", from " + config.source());
    }

    /** A configured feature cannot run safely: it stops the JVM before main, or weaves nothing when attached. */
    private static void refuse(FeatureException e, boolean beforeMain) {
        if (beforeMain) {
            System.err.println("[weft] error: " + e.getMessage());
            System.err.println("[weft] error: the application was stopped before main because " + e.stopped()
                    + " (exit status " + e.exitStatus() + ")");
            System.err.flush();
            Runtime.getRuntime().halt(e.exitStatus());
        } else {
            Log.error(e.getMessage() + "; the agent was attached to a running JVM and wove nothing");
        }
    }

    /**
     * Prints every problem; then halts before main (exit 78) or, with {@code onConfigError: warn}, weaves nothing.
     *
     * @param source the file that was loaded (or what named it), so the last line says which file to fix
     */
    private static void refuse(List<ConfigProblem> problems, OnConfigError policy, boolean beforeMain, String source) {
        problems.forEach(problem -> System.err.println(problem.format()));
        if (policy == OnConfigError.WARN) {
            Log.warn("onConfigError: warn, so the application runs with NOTHING woven: no locks, no transactions");
        } else if (beforeMain) {
            System.err.println("[weft] error: the application was stopped before main because " + source + " has "
                    + problems.size() + " problem(s); fix them, or set onConfigError: warn to run unprotected");
            System.err.flush();
            Runtime.getRuntime().halt(EXIT_CONFIG);
        } else {
            Log.error("the agent was attached to a running JVM with a broken config; nothing was woven");
        }
    }

    private static Map<String, String> systemProperties() {
        Map<String, String> properties = new HashMap<>();
        System.getProperties().forEach((k, v) -> properties.put(String.valueOf(k), String.valueOf(v)));
        return properties;
    }
}
