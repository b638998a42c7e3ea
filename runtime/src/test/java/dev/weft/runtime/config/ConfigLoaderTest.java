package dev.weft.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.runtime.key.KeyTemplate;
import dev.weft.runtime.log.Log;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void loadsTheExampleOfTheSpec() throws Exception {
        Path file = dir.resolve("spec-example.yaml");
        try (InputStream in = getClass().getResourceAsStream("/config/spec-example.yaml")) {
            Files.copy(in, file);
        }
        String name = file.toString();

        WeftConfig config = ConfigLoader.load(file, Map.of());

        WeftConfig expected = new WeftConfig(file, OnConfigError.HALT, Log.Level.INFO,
                new RedisSettings("redis://127.0.0.1:6379", List.of(), Duration.ofSeconds(2), "weft:"),
                List.of(new LockRule(MethodSelector.parse("com.acme.InventoryService#reserve(String, int)"),
                        KeyTemplate.parse("sku:{0}"), Duration.ofSeconds(30), Duration.ofSeconds(5), OnBusy.THROW,
                        LockMode.SINGLE, new SourcePosition(name, 8, 5), new SourcePosition(name, 9, 10),
                        new SourcePosition(name, 13, 11))),
                new TransactionSettings("file", Path.of("./weft-txlog"), null, Duration.ofSeconds(60),
                        TransactionSettings.Retry.DEFAULT,
                        List.of(new GlobalRule(MethodSelector.parse("com.acme.TransferService#transfer(..)"),
                                Duration.ofSeconds(30), new SourcePosition(name, 21, 7))),
                        List.of(new ParticipantRule(MethodSelector.parse("com.acme.AccountService#debit(String, long)"),
                                "confirmDebit", "cancelDebit", new SourcePosition(name, 24, 7))),
                        new SourcePosition(name, 15, 1)),
                new JdbcSettings(true, JdbcSettings.DEFAULT_RETENTION, true, new SourcePosition(name, 28, 1)), true,
                UnmatchedSettings.defaults());
        assertEquals(expected, config);
    }

    @Test
    void fillsInEveryDefault() throws Exception {
        ConfigFiles files = new ConfigFiles(dir);

        WeftConfig config = files.load("""
                locks:
                  - method: com.acme.Svc#run
                    key: run
                transactions:
                  global:
                    - method: com.acme.Svc#tx
                """);

        assertEquals(RedisSettings.defaults(), config.redis());
        LockRule lock = config.locks().get(0);
        assertEquals(Duration.ofSeconds(30), lock.lease());
        assertEquals(Duration.ofSeconds(5), lock.maxWait());
        assertEquals(OnBusy.THROW, lock.onBusy());
        assertEquals(LockMode.SINGLE, lock.mode());
        assertEquals(lock.position(), lock.modePosition(), "no mode: written, so the item is the place to point at");
        assertEquals(0, lock.replicas(), "no wait for replicas");
        TransactionSettings transactions = config.transactions();
        assertEquals("file", transactions.logType());
        assertEquals(Path.of("./weft-txlog"), transactions.logDir());
        assertEquals(Duration.ofSeconds(60), transactions.timeout());
        assertNull(transactions.global().get(0).timeout(), "no timeout: the section default applies");
        assertEquals(files.at(4, 1), transactions.position());
        assertEquals(OnConfigError.HALT, config.onConfigError());
        assertEquals(Log.Level.INFO, config.logLevel());
        assertEquals(JdbcSettings.defaults(), config.jdbc());
        assertEquals(true, config.jmxEnabled());
        assertEquals(new UnmatchedSettings(OnUnmatched.WARN, Duration.ofSeconds(60)), config.unmatched());
    }

    @Test
    void anEmptyFileMeansEveryDefaultAndNothingToWeave() throws Exception {
        Path file = new ConfigFiles(dir).write("# nothing yet\n");

        assertEquals(WeftConfig.empty(file), ConfigLoader.load(file, Map.of()));
    }

    @Test
    void aKeyWithNoValueCountsAsNotWritten() throws Exception {
        ConfigFiles files = new ConfigFiles(dir);
        WeftConfig config = files.load("""
                redis:
                locks:
                transactions:
                  timeout:
                jmx:
                """);

        assertEquals(RedisSettings.defaults(), config.redis());
        assertEquals(List.of(), config.locks());
        assertEquals(Duration.ofSeconds(60), config.transactions().timeout());
        assertEquals(files.at(3, 1), config.transactions().position());
        assertEquals(true, config.jmxEnabled());
    }

    @Test
    void readsTheReplicasALockWaitsFor() throws Exception {
        WeftConfig config = new ConfigFiles(dir).load("""
                locks:
                  - method: com.acme.Svc#run
                    key: run
                    replicas: 2
                """);

        assertEquals(2, config.locks().get(0).replicas());
    }

    @Test
    void readsEveryNonDefaultValue() throws Exception {
        ConfigFiles files = new ConfigFiles(dir);
        WeftConfig config = files.load("""
                onConfigError: warn
                onUnmatched: halt
                warnUnmatchedAfter: 5s
                log:
                  level: debug
                redis:
                  uri: rediss://user:secret@redis.example:6380
                  nodes: [redis://h1:6379, redis://h2:6379, redis-socket:///tmp/redis.sock]
                  timeout: 250ms
                  keyPrefix: "{app}:"
                locks:
                  - method: +com.acme.*Service#re*(String, ..)
                    key: "sku:{0}"
                    lease: 1h
                    wait: 0
                    onBusy: skip
                    mode: redlock
                transactions:
                  log: {type: redis, dir: /var/lib/weft}
                  timeout: 5m
                jdbc:
                  barrier: true
                  retention: 48h
                  createTable: false
                jmx:
                  enabled: false
                """.replace("re*(String, ..)", "re*(..)"));

        assertEquals(OnConfigError.WARN, config.onConfigError());
        assertEquals(Log.Level.DEBUG, config.logLevel());
        assertEquals(new RedisSettings("rediss://user:secret@redis.example:6380",
                List.of("redis://h1:6379", "redis://h2:6379", "redis-socket:///tmp/redis.sock"),
                Duration.ofMillis(250), "{app}:"), config.redis());
        LockRule lock = config.locks().get(0);
        assertEquals(Duration.ofHours(1), lock.lease());
        assertEquals(Duration.ZERO, lock.maxWait());
        assertEquals(OnBusy.SKIP, lock.onBusy());
        assertEquals(LockMode.REDLOCK, lock.mode());
        assertEquals(true, lock.selector().includeSubtypes());
        assertEquals("redis", config.transactions().logType());
        assertEquals(Path.of("/var/lib/weft"), config.transactions().logDir());
        assertEquals(Duration.ofMinutes(5), config.transactions().timeout());
        assertEquals(new JdbcSettings(true, Duration.ofHours(48), false, files.at(21, 1)), config.jdbc());
        assertEquals(false, config.jmxEnabled());
        assertEquals(new UnmatchedSettings(OnUnmatched.HALT, Duration.ofSeconds(5)), config.unmatched());
    }

    @Test
    void readsAJdbcLogWithItsCredentials() throws Exception {
        WeftConfig config = new ConfigFiles(dir).load("""
                transactions:
                  log:
                    type: jdbc
                    url: jdbc:postgresql://db:5432/orders
                    user: weft
                    password: s3cret
                """);

        TransactionSettings transactions = config.transactions();
        assertEquals(new TransactionSettings.JdbcLog("jdbc:postgresql://db:5432/orders", "weft", "s3cret"),
                transactions.jdbcLog());
        assertEquals(true, transactions.sharedLog());
        assertEquals(false, transactions.jdbcLog().toString().contains("s3cret"));
    }

    @Test
    void substitutesEnvironmentVariablesInValues() throws Exception {
        Path file = new ConfigFiles(dir).write("""
                redis:
                  uri: redis://:${REDIS_PASSWORD}@${REDIS_HOST:-localhost}:6379
                  keyPrefix: "${PREFIX:-weft:}$${literal}"
                locks:
                  - method: com.acme.Svc#run
                    key: "run"
                    lease: ${LEASE}
                """);

        WeftConfig config = ConfigLoader.load(file, Map.of("REDIS_PASSWORD", "s3:cr#t", "LEASE", "90s"));

        assertEquals("redis://:s3:cr#t@localhost:6379", config.redis().uri());
        assertEquals("weft:${literal}", config.redis().keyPrefix());
        assertEquals(Duration.ofSeconds(90), config.locks().get(0).lease());
    }

    @Test
    void readsClusterSeedsAndTlsStoresWithPasswordsFromTheEnvironment() throws Exception {
        Path file = new ConfigFiles(dir).write("""
                redis:
                  cluster:
                    - rediss://weft:${PW}@h1:7000
                    - rediss://weft:${PW}@h2:7000
                  tls: {trustStore: ./ca.p12, trustStorePassword: "${TLS_PW}", keyStore: ./client.p12,
                        keyStorePassword: "${TLS_PW}"}
                locks:
                  - method: com.acme.Svc#run
                    key: "run"
                """);

        WeftConfig config = ConfigLoader.load(file, Map.of("PW", "s3cret", "TLS_PW", "store-pw"));

        assertEquals(List.of("rediss://weft:s3cret@h1:7000", "rediss://weft:s3cret@h2:7000"), config.redis().cluster());
        assertEquals(new RedisTls(Optional.of(Path.of("./ca.p12")), "store-pw", Optional.of(Path.of("./client.p12")),
                "store-pw"), config.redis().tls().orElseThrow());
    }

    @Test
    void substitutedTextIsNeverReadAsYaml() throws Exception {
        Path file = new ConfigFiles(dir).write("""
                redis:
                  keyPrefix: ${PREFIX}
                """);

        WeftConfig config = ConfigLoader.load(file, Map.of("PREFIX", "x\nlocks: [oops]"));

        assertEquals("x\nlocks: [oops]", config.redis().keyPrefix());
        assertEquals(List.of(), config.locks());
    }

    @Test
    void aFileThatCannotBeReadIsAProblemAtItsStart() throws IOException {
        Path missing = dir.resolve("gone.yaml");

        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(missing, Map.of()));

        assertEquals(1, e.problems().size());
        assertEquals(new SourcePosition(missing.toString(), 1, 1), e.problems().get(0).position());
        assertEquals(OnConfigError.HALT, e.onConfigError());
    }
}
