package dev.weft.runtime;

import dev.weft.bootstrap.WeftBridge;
import dev.weft.runtime.config.ConfigException;
import dev.weft.runtime.config.ConfigLoader;
import dev.weft.runtime.config.ConfigLocator;
import dev.weft.runtime.config.ConfigProblem;
import dev.weft.runtime.config.LockMode;
import dev.weft.runtime.config.LockRule;
import dev.weft.runtime.config.OnConfigError;
import dev.weft.runtime.config.WeftConfig;
import dev.weft.runtime.http.HttpPropagation;
import dev.weft.runtime.jmx.LockServiceIntrospection;
import dev.weft.runtime.jdbc.JdbcWeaveRule;
import dev.weft.runtime.jdbc.UncommittedWrites;
import dev.weft.runtime.jmx.WeftMBeans;
import dev.weft.runtime.lock.LockService;
import dev.weft.runtime.lock.LockWeaveRule;
import dev.weft.runtime.lock.TransactionEnds;
import dev.weft.runtime.log.Log;
import dev.weft.runtime.tcc.TransactionPropagation;
import dev.weft.runtime.tcc.Transactions;
import dev.weft.runtime.txsync.JtaSynchronizations;
import dev.weft.runtime.txsync.SpringSynchronizations;
import dev.weft.runtime.txlog.TransactionLogException;
import dev.weft.runtime.weave.BridgeDispatcher;
import dev.weft.runtime.weave.RuleCheck;
import dev.weft.runtime.weave.SiteRegistry;
import dev.weft.runtime.weave.StartupCheck;
import dev.weft.runtime.weave.UnmatchedReport;
import dev.weft.runtime.weave.WeaveRule;
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
import java.util.stream.Stream;

/**
 * Start-up of the runtime, called reflectively by {@code dev.weft.agent.WeftAgent} inside the private class loader:
 * read and check the config, then connect, install the bridge and weave. Redis is connected in the background so
 * that start-up never waits on the network.
 */
public final class WeftRuntime {
    /** sysexits.h EX_CONFIG, promised by SPEC section 2. */
    static final int EXIT_CONFIG = 78;
    /** sysexits.h EX_CANTCREAT: the transaction log directory cannot be opened (docs/tcc.md). */
    static final int EXIT_CANT_OPEN_LOG = 73;

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
        WeftConfig config;
        try {
            config = ConfigLoader.load(file.get(), env);
        } catch (ConfigException e) {
            refuse(e.problems(), e.onConfigError(), beforeMain, file.get().toString());
            return;
        }
        Log.setLevel(config.logLevel());

        List<ConfigProblem> problems = new ArrayList<>();
        LockService locks = new LockService(config.redis());
        UncommittedWrites writes = config.locks().isEmpty() ? null : waitForCommits(locks);
        List<WeaveRule> rules = new ArrayList<>();
        config.locks().forEach(rule -> rules.add(new LockWeaveRule(rule, locks)));
        List<RuleCheck> checks = new ArrayList<>(rules);
        checks.addAll(Transactions.checks(config.transactions()));
        StartupCheck startupCheck = new StartupCheck(config.unmatched().onUnmatched());
        problems.addAll(startupCheck.check(checks));
        if (!problems.isEmpty()) {
            locks.close();
            refuse(problems, config.onConfigError(), beforeMain, file.get().toString());
            return;
        }
        Transactions transactions = null;
        WovenClassLoaders wovenLoaders = new WovenClassLoaders();
        if (Transactions.configured(config.transactions())) {
            try {
                transactions = Transactions.open(config.transactions(), config.jdbc().barrier(), config.redis(), locks,
                        wovenLoaders::seen);
            } catch (TransactionLogException e) {
                locks.close();
                refuseWithoutLog(e, beforeMain);
                return;
            }
            rules.addAll(transactions.weaveRules());
        }
        HttpPropagation http = new HttpPropagation(transactions != null && config.transactions().sharedLog()
                ? transactions.propagation() : TransactionPropagation.NONE, config.transactions().position());
        rules.addAll(http.weaveRules());
        // After the start-up check: the barrier's hooks name JDBC interfaces, whose methods are all abstract
        rules.addAll(JdbcWeaveRule.all(config.jdbc(), writes));

        SiteRegistry sites = new SiteRegistry();
        WeaveStats stats = new WeaveStats();
        WeftBridge.install(new BridgeDispatcher(sites, locks::fencingToken, http.outgoing()));
        Weaver weaver = new Weaver(rules, http.callSites(), sites, stats, wovenLoaders);
        weaver.install(inst);
        new UnmatchedReport(stats, config.unmatched().warnAfter(), startupCheck.warned()).start();
        if (transactions != null) {
            transactions.start();
        }
        Transactions transactionsToShow = transactions;
        // The rest is not needed before main, and on a small machine it would compete with main for the CPU. In the
        // order it is needed: the weaver (a woven class may load any moment), Redis, then the JMX beans (the platform
        // MBean server takes tens of milliseconds to build).
        Thread background = new Thread(() -> {
            weaver.warmUp();
            lockModesInUse(config).forEach(locks::startConnecting);
            if (config.jmxEnabled()) {
                WeftMBeans.register(config, new LockServiceIntrospection(locks), stats);
                if (transactionsToShow != null) {
                    WeftMBeans.registerTransactions(transactionsToShow.mbean());
                }
            }
        }, "weft-start");
        background.setDaemon(true);
        background.start();
        Log.info("Weft " + WeftVersion.get() + " started in " + (System.nanoTime() - started) / 1_000_000 + " ms: "
                + config.locks().size() + " lock rule(s), " + (transactions == null ? "no transactions" : transactions.describe())
                + ", JDBC barrier " + (config.jdbc().barrier() ? "on" : "off") + ", from " + config.source());
    }

    /**
     * What a lock's release waits for (docs/locks.md, "Held until the data is committed"): Spring-managed and JTA
     * transactions, and JDBC connections a locked method wrote on, which the JDBC hooks then follow.
     */
    private static UncommittedWrites waitForCommits(LockService locks) {
        UncommittedWrites writes = new UncommittedWrites(locks::runningLocked);
        locks.waitFor(TransactionEnds.all(List.of(new SpringSynchronizations(), new JtaSynchronizations(), writes)));
        return writes;
    }

    /** Transactions are configured but their log cannot be opened: they could neither run safely nor be recovered. */
    private static void refuseWithoutLog(TransactionLogException e, boolean beforeMain) {
        if (beforeMain) {
            System.err.println("[weft] error: " + e.getMessage());
            System.err.println("[weft] error: the application was stopped before main because the transaction log"
                    + " cannot be opened (exit status " + EXIT_CANT_OPEN_LOG + ")");
            System.err.flush();
            Runtime.getRuntime().halt(EXIT_CANT_OPEN_LOG);
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

    /** The lock rules' modes, and single Redis for the owner locks of phase two with a shared transaction log. */
    private static Stream<LockMode> lockModesInUse(WeftConfig config) {
        Stream<LockMode> owners = Transactions.configured(config.transactions()) && config.transactions().sharedLog()
                ? Stream.of(LockMode.SINGLE) : Stream.empty();
        return Stream.concat(config.locks().stream().map(LockRule::mode), owners).distinct();
    }

    private static Map<String, String> systemProperties() {
        Map<String, String> properties = new HashMap<>();
        System.getProperties().forEach((k, v) -> properties.put(String.valueOf(k), String.valueOf(v)));
        return properties;
    }
}
