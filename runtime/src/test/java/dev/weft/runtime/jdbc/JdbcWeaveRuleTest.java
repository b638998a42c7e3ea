package dev.weft.runtime.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.config.JdbcSettings;
import dev.weft.runtime.weave.ClassFileTypes;
import dev.weft.runtime.weave.MethodShape;
import dev.weft.runtime.weave.TypeShape;
import dev.weft.runtime.weave.WeavableMethods;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Which classes and methods the barrier's rules select, checked against the real drivers and pool. */
class JdbcWeaveRuleTest {
    private final List<JdbcWeaveRule> rules = JdbcWeaveRule.all(JdbcSettings.defaults());

    @Test
    void theNameTestLetsThroughWhatMayImplementConnectionOrStatement() {
        for (String name : List.of("org.h2.jdbc.JdbcConnection", "org.postgresql.jdbc.PgPreparedStatement",
                "com.zaxxer.hikari.pool.HikariProxyConnection", "com.zaxxer.hikari.pool.ProxyStatement",
                "com.mysql.cj.jdbc.ConnectionImpl", "com.mysql.cj.jdbc.ClientPreparedStatement",
                "oracle.jdbc.driver.T4CConnection", "com.acme.Outer$PooledConnection")) {
            assertTrue(JdbcWeaveRule.mayImplementJdbc(name), name);
        }
        for (String name : List.of("com.acme.OrderService", "org.postgresql.jdbc.PgResultSet",
                "com.zaxxer.hikari.pool.HikariPool", "com.acme.ConnectionPool$Worker", "com.acme.Statements.Helper")) {
            assertFalse(JdbcWeaveRule.mayImplementJdbc(name), name);
        }
    }

    @Test
    void theNameTestOfTheOpeningMethodsLetsThroughDriversAndDataSources() {
        for (String name : List.of("org.h2.Driver", "org.h2.jdbcx.JdbcDataSource", "org.postgresql.Driver",
                "com.mysql.cj.jdbc.NonRegisteringDriver", "com.zaxxer.hikari.HikariDataSource",
                "com.zaxxer.hikari.util.DriverDataSource")) {
            assertTrue(JdbcWeaveRule.mayOpenConnections(name), name);
        }
        assertFalse(JdbcWeaveRule.mayOpenConnections("com.acme.OrderService"));
        assertFalse(JdbcWeaveRule.mayOpenConnections("com.acme.DataSources$Helper"));
    }

    @Test
    void followingMethodWorkWeavesTheHooksAndPassesTheOpeningArguments() {
        JdbcSettings barrierOff = JdbcSettings.defaults();
        assertEquals(List.of(), JdbcWeaveRule.all(barrierOff, null), "the control: nothing to follow, nothing woven");

        List<JdbcWeaveRule> work = JdbcWeaveRule.all(barrierOff, null, true);
        List<String> withArguments = work.stream().filter(rule -> !rule.observesOnly())
                .map(rule -> rule.selector().text()).toList();
        assertEquals(List.of("+java.sql.Driver#connect(String, Properties)", "+javax.sql.DataSource#getConnection()",
                "+javax.sql.DataSource#getConnection(String, String)"), withArguments);
        assertTrue(work.stream().anyMatch(rule -> rule.selector().text().equals("+java.sql.Connection#commit()")));
    }

    @Test
    void openingAConnectionIsHookedInDriversAndDataSources() {
        assertEquals(Set.of("connect(Ljava/lang/String;Ljava/util/Properties;)Ljava/sql/Connection;"),
                woven("org.h2.Driver"));
        assertEquals(Set.of("getConnection()Ljava/sql/Connection;",
                "getConnection(Ljava/lang/String;Ljava/lang/String;)Ljava/sql/Connection;"),
                woven("org.h2.jdbcx.JdbcDataSource"));
        assertTrue(woven("com.zaxxer.hikari.HikariDataSource").contains("getConnection()Ljava/sql/Connection;"));
    }

    @Test
    void theJdbcApiMethodsAreSelectedAndNotTheDriversOwnOverloads() throws Exception {
        Set<String> pgStatement = woven("org.postgresql.jdbc.PgStatement");
        assertTrue(pgStatement.contains("executeUpdate(Ljava/lang/String;)I"), pgStatement.toString());
        assertTrue(pgStatement.contains("execute(Ljava/lang/String;[Ljava/lang/String;)Z"), pgStatement.toString());
        assertTrue(pgStatement.contains("executeBatch()[I"), pgStatement.toString());
        assertTrue(pgStatement.stream().noneMatch(m -> m.contains("CachedQuery")),
                "PgStatement's internal execute(CachedQuery, ...) is not the API: " + pgStatement);

        assertEquals(Set.of("close()V", "commit()V", "rollback()V", "setAutoCommit(Z)V"),
                woven("com.zaxxer.hikari.pool.ProxyConnection"));
        assertTrue(woven("org.h2.jdbc.JdbcPreparedStatement").contains("executeUpdate()I"));
        assertEquals(Set.of(), woven("com.zaxxer.hikari.pool.HikariPool"), "not a Connection or Statement");
    }

    /** {@code name+descriptor} of every method of {@code className} that some rule weaves. */
    private Set<String> woven(String className) {
        TypeShape type = new ClassFileTypes(getClass().getClassLoader()).find(className).orElseThrow();
        Set<String> methods = new TreeSet<>();
        for (JdbcWeaveRule rule : rules) {
            if (rule.mayMatchTypeName(type.name()) && WeavableMethods.typeMatches(rule.selector(), type)) {
                for (MethodShape method : WeavableMethods.matching(rule.selector(), type)) {
                    methods.add(method.name() + method.descriptor());
                }
            }
        }
        return methods;
    }
}
