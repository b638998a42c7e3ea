package dev.weft.runtime;

import dev.weft.bootstrap.WeftBridge;
import dev.weft.runtime.config.ConfigException;
import dev.weft.runtime.config.ConfigLoader;
import dev.weft.runtime.config.ConfigLocator;
import dev.weft.runtime.config.ConfigProblem;
import dev.weft.runtime.config.OnConfigError;
import dev.weft.runtime.config.WeftConfig;
import dev.weft.runtime.jdbc.JdbcWeaveRule;
import dev.weft.runtime.jmx.WeftMBeans;
import dev.weft.runtime.lock.LockService;
import dev.weft.runtime.lock.LockWeaveRule;
import dev.weft.runtime.log.Log;
import dev.weft.runtime.weave.BridgeDispatcher;
import dev.weft.runtime.weave.SiteRegistry;
import dev.weft.runtime.weave.StartupCheck;
import dev.weft.runtime.weave.WeaveRule;
import dev.weft.runtime.weave.WeaveStats;
import dev.weft.runtime.weave.Weaver;
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
 * read and check the config, then connect, install the bridge and weave. Redis is connected in the background so
 * that start-up never waits on the network.
 */
public final class WeftRuntime {
    /** sysexits.h EX_CONFIG, promised by SPEC section 2. */
    static final int EXIT_CONFIG = 78;

    private WeftRuntime() {
    }

    public static void start(String agentArgs, Instrumentation inst, File agentJar, boolean beforeMain) {
        // Threads started from here (Redis connect, Netty) inherit this loader; see BridgeDispatcher for why.
        Thread thread = Thread.currentThread();
        ClassLoader application = thread.getContextClassLoader();
        thread.setContextClassLoader(WeftRuntime.class.getClassLoader());
        try {
            startWithRuntimeLoader(agentArgs, inst, beforeMain);
        } finally {
            thread.setContextClassLoader(application);
        }
    }

    private static void startWithRuntimeLoader(String agentArgs, Instrumentation inst, boolean beforeMain) {
        long started = System.nanoTime();
        Map<String, String> env = System.getenv();
        WeftConfig config;
        try {
            Optional<Path> file = ConfigLocator.locate(agentArgs, systemProperties(), env, Path.of("").toAbsolutePath());
            if (file.isEmpty()) {
                Log.warn("no config found (agent argument config=, -Dweft.config, WEFT_CONFIG or ./weft.yaml);"
                        + " running with nothing woven");
                return;
            }
            config = ConfigLoader.load(file.get(), env);
        } catch (ConfigException e) {
            refuse(e.problems(), e.onConfigError(), beforeMain);
            return;
        }
        Log.setLevel(config.logLevel());

        List<ConfigProblem> problems = new ArrayList<>(Capabilities.unsupported(config));
        LockService locks = new LockService(config.redis());
        List<WeaveRule> rules = new ArrayList<>();
        config.locks().forEach(rule -> rules.add(new LockWeaveRule(rule, locks)));
        problems.addAll(StartupCheck.check(rules));
        if (!problems.isEmpty()) {
            locks.close();
            refuse(problems, config.onConfigError(), beforeMain);
            return;
        }
        // After the start-up check: the barrier's hooks name JDBC interfaces, whose methods are all abstract
        if (config.jdbc().barrier()) {
            rules.addAll(JdbcWeaveRule.all(config.jdbc()));
        }

        locks.startConnecting();
        SiteRegistry sites = new SiteRegistry();
        WeaveStats stats = new WeaveStats();
        WeftBridge.install(new BridgeDispatcher(sites, locks::fencingToken));
        new Weaver(rules, sites, stats).install(inst);
        if (config.jmxEnabled()) {
            // The platform MBean server takes tens of milliseconds to build: not worth delaying main for.
            Thread jmx = new Thread(() -> WeftMBeans.register(config, locks.metrics(), stats), "weft-jmx-register");
            jmx.setDaemon(true);
            jmx.start();
        }
        Log.info("Weft " + WeftVersion.get() + " started in " + (System.nanoTime() - started) / 1_000_000 + " ms: "
                + config.locks().size() + " lock rule(s), JDBC barrier " + (config.jdbc().barrier() ? "on" : "off")
                + ", from " + config.source());
    }

    /** Prints every problem; then halts before main (exit 78) or, with {@code onConfigError: warn}, weaves nothing. */
    private static void refuse(List<ConfigProblem> problems, OnConfigError policy, boolean beforeMain) {
        problems.forEach(problem -> System.err.println(problem.format()));
        if (policy == OnConfigError.WARN) {
            Log.warn("onConfigError: warn, so the application runs with NOTHING woven: no locks, no transactions");
        } else if (beforeMain) {
            System.err.println("[weft] error: the application was stopped before main because weft.yaml has "
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
