package dev.weft.runtime.jdbc;

import dev.weft.runtime.config.JdbcSettings;
import dev.weft.runtime.config.SourcePosition;
import dev.weft.runtime.weave.LibraryHookRule;
import dev.weft.runtime.weave.Site;
import dev.weft.runtime.weave.WeaveRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One JDBC method the barrier, or a lock waiting for a commit (docs/locks.md), hooks, in every implementation of {@code java.sql.Connection} or
 * {@code java.sql.Statement} (prepared and callable statements included), whatever the driver or pool; and the
 * methods that open connections, {@code java.sql.Driver.connect} and {@code javax.sql.DataSource.getConnection}, so
 * that what a driver or pool does while opening one (H2 in {@code AUTO_SERVER} mode starts a server with a management
 * database of its own, a pool runs its validation query) is never taken for the phase's work.
 *
 * <p>Matching by interface needs the class's supertypes, which is far too dear for every class the JVM loads; so a
 * class is first ruled out by name: only classes whose simple name contains {@code Connection} or {@code Statement}
 * are looked at (H2's {@code JdbcConnection}, PostgreSQL's {@code PgPreparedStatement}, HikariCP's
 * {@code HikariProxyConnection}, MySQL's {@code ConnectionImpl}, ...), and for the opening methods {@code Driver} or
 * {@code DataSource} (H2's {@code Driver} and {@code JdbcDataSource}, MySQL's {@code NonRegisteringDriver},
 * {@code HikariDataSource}, ...). Only the exact parameter lists of the JDBC API are hooked, never a driver's internal
 * overloads of the same names.
 */
public final class JdbcWeaveRule extends LibraryHookRule {
    private static final Map<JdbcCall, String> CONNECTION_METHODS = Map.of(JdbcCall.COMMIT, "commit()",
            JdbcCall.ROLLBACK, "rollback()", JdbcCall.SET_AUTO_COMMIT, "setAutoCommit(boolean)",
            JdbcCall.CLOSE, "close()");
    private static final List<String> OPENING_METHODS = List.of("java.sql.Driver#connect(String, Properties)",
            "javax.sql.DataSource#getConnection()", "javax.sql.DataSource#getConnection(String, String)");
    private static final List<String> UPDATE_PARAMETERS =
            List.of("()", "(String)", "(String, int)", "(String, int[])", "(String, String[])");

    /** Whether the rule opens connections (its name test is {@code Driver} or {@code DataSource}). */
    private final boolean opens;
    /** {@code false} only for the opening methods when their arguments are recorded ({@link OpeningHook}). */
    private final boolean observes;
    /** Only for the opening methods of XA methods, whose site hands out enlisted connections instead. */
    private final boolean replaces;

    private JdbcWeaveRule(String selector, SourcePosition position, JdbcHook hook) {
        this(selector, position, hook, hook.opensConnections(), true);
    }

    private JdbcWeaveRule(String selector, SourcePosition position, Site site, boolean opens, boolean observes) {
        this(selector, position, site, opens, observes, false);
    }

    private JdbcWeaveRule(String selector, SourcePosition position, Site site, boolean opens, boolean observes,
                          boolean replaces) {
        super(selector, position, null, site);
        this.opens = opens;
        this.observes = observes;
        this.replaces = replaces;
    }

    /**
     * {@code Driver.connect} and {@code DataSource.getConnection}, woven with their arguments and with {@code site}
     * deciding what they return (docs/xa.md: inside an XA method, a connection enlisted in the transaction). The same
     * methods and name test as the other hooks'; its site's {@code enter} must never answer {@code null}.
     */
    public static List<JdbcWeaveRule> openingsReplacedBy(Site site, String what) {
        SourcePosition position = SourcePosition.builtIn(what);
        return OPENING_METHODS.stream()
                .map(method -> new JdbcWeaveRule("+" + method, position, site, true, false, true))
                .toList();
    }

    /** Every hook of the barrier configured by {@code settings}. */
    public static List<JdbcWeaveRule> all(JdbcSettings settings) {
        return all(settings, new Barrier(settings, System::currentTimeMillis), null, false);
    }

    /**
     * The hooks for the barrier, when {@code settings} turn it on, and for locks that wait for a connection's commit,
     * when {@code writes} is not null (docs/locks.md); none when neither is needed.
     */
    public static List<JdbcWeaveRule> all(JdbcSettings settings, UncommittedWrites writes) {
        return all(settings, writes, false);
    }

    /**
     * As {@link #all(JdbcSettings, UncommittedWrites)}, and also for {@link WorkScope}s when {@code followMethodWork}
     * (publish and consume methods): then {@code Driver.connect} and {@code DataSource.getConnection} are woven with
     * their arguments, to record how connections are opened ({@link ConnectionOpeners}).
     */
    public static List<JdbcWeaveRule> all(JdbcSettings settings, UncommittedWrites writes, boolean followMethodWork) {
        Barrier barrier = settings.barrier() ? new Barrier(settings, System::currentTimeMillis) : null;
        return barrier == null && writes == null && !followMethodWork ? List.of()
                : all(settings, barrier, writes, followMethodWork);
    }

    private static List<JdbcWeaveRule> all(JdbcSettings settings, Barrier barrier, UncommittedWrites writes,
                                           boolean work) {
        SourcePosition position = settings.position() != null ? settings.position()
                : SourcePosition.builtIn("JDBC hooks");
        List<JdbcWeaveRule> rules = new ArrayList<>();
        JdbcHook execute = new JdbcHook(JdbcCall.EXECUTE, barrier, writes, work);
        for (String method : List.of("execute", "executeUpdate", "executeLargeUpdate")) {
            for (String parameters : UPDATE_PARAMETERS) {
                rules.add(new JdbcWeaveRule("+java.sql.Statement#" + method + parameters, position, execute));
            }
        }
        for (String method : List.of("executeBatch()", "executeLargeBatch()")) {
            rules.add(new JdbcWeaveRule("+java.sql.Statement#" + method, position, execute));
        }
        if (barrier != null) {
            // A query writes nothing a lock must wait for, but it is a phase's first statement as much as any
            JdbcHook query = new JdbcHook(JdbcCall.EXECUTE, barrier);
            for (String method : List.of("executeQuery()", "executeQuery(String)")) {
                rules.add(new JdbcWeaveRule("+java.sql.Statement#" + method, position, query));
            }
        }
        for (JdbcCall call : List.of(JdbcCall.COMMIT, JdbcCall.ROLLBACK, JdbcCall.SET_AUTO_COMMIT, JdbcCall.CLOSE)) {
            rules.add(new JdbcWeaveRule("+java.sql.Connection#" + CONNECTION_METHODS.get(call), position,
                    new JdbcHook(call, barrier, writes, work)));
        }
        if (barrier != null || work) {
            JdbcHook open = new JdbcHook(JdbcCall.OPEN, barrier, null, work);
            Site site = work ? new OpeningHook(open, ConnectionOpeners.recorded()) : open;
            for (String method : OPENING_METHODS) {
                rules.add(new JdbcWeaveRule("+" + method, position, site, true, !work));
            }
        }
        return rules;
    }

    /** {@code binaryName} is dotted; the simple name is what follows the last dot or {@code $}. */
    static boolean mayImplementJdbc(String binaryName) {
        int start = Math.max(binaryName.lastIndexOf('.'), binaryName.lastIndexOf('$')) + 1;
        return binaryName.indexOf("Connection", start) >= 0 || binaryName.indexOf("Statement", start) >= 0;
    }

    /** The name test of the rules on {@code Driver.connect} and {@code DataSource.getConnection}. */
    static boolean mayOpenConnections(String binaryName) {
        int start = Math.max(binaryName.lastIndexOf('.'), binaryName.lastIndexOf('$')) + 1;
        return binaryName.indexOf("Driver", start) >= 0 || binaryName.indexOf("DataSource", start) >= 0;
    }

    @Override
    public boolean mayMatchTypeName(String binaryName) {
        return opens ? mayOpenConnections(binaryName) : mayImplementJdbc(binaryName);
    }

    @Override
    public boolean observesOnly() {
        return observes;
    }

    @Override
    public boolean replacesReturnValue() {
        return replaces;
    }
}
