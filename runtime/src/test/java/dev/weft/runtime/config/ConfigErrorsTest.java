package dev.weft.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of mistake, with the exact line the user sees. */
class ConfigErrorsTest {
    private static final String DURATIONS = "write 250ms, 10s, 5m, 1h or a whole number of milliseconds";
    private static final String SELECTOR_FORM =
            "write [+]Class#method(params), e.g. com.acme.OrderService#place(String, int)";

    @TempDir
    Path dir;
    private ConfigFiles files;

    @BeforeEach
    void setUp() {
        files = new ConfigFiles(dir);
    }

    @Test
    void unknownKeyWithSuggestion() {
        files.assertProblems("""
                locks:
                  - method: com.acme.Svc#run
                    key: run
                    wiat: 5s
                """,
                "4:5: unknown key 'wiat' in a lock; did you mean 'wait'? Allowed: method, key, lease, wait, onBusy, mode, onLost,"
                        + " replicas");
    }

    @Test
    void unknownKeyWithoutSuggestion() {
        files.assertProblems("""
                redis:
                  uri: redis://localhost:6379
                cache: true
                """,
                "3:1: unknown key 'cache' at the top level; allowed: redis, locks, transactions, jdbc, jmx, log,"
                        + " onConfigError, onUnmatched, warnUnmatchedAfter");
    }

    @Test
    void unknownKeyInANestedSection() {
        files.assertProblems("""
                transactions:
                  log:
                    typ: redis
                """,
                "3:5: unknown key 'typ' in 'transactions.log'; did you mean 'type'? Allowed: type, dir, url, user,"
                        + " password");
    }

    @Test
    void aJdbcLogNeedsItsUrl() {
        files.assertProblems("""
                transactions:
                  log:
                    type: jdbc
                    user: weft
                """,
                "3:5: missing 'url' in 'transactions.log'; type: jdbc needs the database of the log, e.g. url:"
                        + " jdbc:postgresql://db:5432/orders (the driver must be on the application's class path)");
    }

    @Test
    void databaseKeysBelongToTheJdbcLogOnly() {
        files.assertProblems("""
                transactions:
                  log:
                    type: redis
                    url: jdbc:h2:mem:log
                """,
                "4:5: log.url is only read with type: jdbc (this log is type: redis); remove it, or set type: jdbc");
    }

    @Test
    void aJdbcLogUrlMustBeAJdbcUrl() {
        files.assertProblems("""
                transactions:
                  log:
                    type: jdbc
                    url: postgresql://db/orders
                """,
                "4:10: url: not a JDBC URL; it must start with jdbc:, e.g. jdbc:postgresql://db:5432/orders");
    }

    @Test
    void badDurations() {
        files.assertProblems("""
                redis:
                  timeout: 2 s
                locks:
                  - method: com.acme.Svc#run
                    key: run
                    lease: 0
                    wait: -1s
                transactions:
                  timeout: 1.5m
                """,
                "2:12: timeout: '2 s' is not a duration; " + DURATIONS,
                "6:12: lease: must be more than 0; " + DURATIONS,
                "7:11: wait: '-1s' is not a duration; " + DURATIONS,
                "9:12: timeout: '1.5m' is not a duration; " + DURATIONS);
    }

    @Test
    void malformedSelectors() {
        files.assertProblems("""
                locks:
                  - method: com.acme.Svc.run
                    key: a
                  - method: "com.acme.Svc#run(String"
                    key: b
                transactions:
                  participants:
                    - try: com.acme.Svc#debit(List<String>)
                      confirm: c
                      cancel: d
                """,
                "2:13: method: bad method selector 'com.acme.Svc.run': there is no '#' between the class and the"
                        + " method; " + SELECTOR_FORM,
                "4:13: method: bad method selector 'com.acme.Svc#run(String': '(' without ')'; " + SELECTOR_FORM,
                "8:12: try: bad method selector 'com.acme.Svc#debit(List<String>)': generic type arguments are not"
                        + " part of a selector; write List, not List<String>; " + SELECTOR_FORM);
    }

    @Test
    void badKeyTemplate() {
        files.assertProblems("""
                locks:
                  - method: com.acme.Svc#run
                    key: "sku:{0.sku()}"
                """,
                "3:10: key: lock key template \"sku:{0.sku()}\": {0.sku()}: no method calls in key templates, only"
                        + " property paths; write {0.customer} to read getCustomer(), customer() or the field"
                        + " customer");
    }

    @Test
    void badChoices() {
        files.assertProblems("""
                onConfigError: ignore
                log:
                  level: trace
                locks:
                  - method: com.acme.Svc#run
                    key: run
                    onBusy: thorw
                    mode: Single
                transactions:
                  log:
                    type: postgres
                """,
                "1:16: onConfigError: unknown value 'ignore'; allowed: halt, warn",
                "3:10: level: unknown value 'trace'; allowed: error, warn, info, debug",
                "7:13: onBusy: unknown value 'thorw'; did you mean 'throw'? Allowed: throw, skip",
                "8:11: mode: unknown value 'Single'; did you mean 'single'? Allowed: single, redlock",
                "11:11: type: unknown value 'postgres'; allowed: file, redis, jdbc");
    }

    @Test
    void badBooleans() {
        files.assertProblems("""
                jdbc:
                  barrier: yes
                jmx:
                  enabled: 1
                """,
                "2:12: barrier: 'yes' is not a boolean; write true or false",
                "4:12: enabled: '1' is not a boolean; write true or false");
    }

    @Test
    void missingRequiredKeys() {
        files.assertProblems("""
                locks:
                  - key: "order:{0}"
                  - method: com.acme.Svc#run
                    key:
                transactions:
                  global:
                    - timeout: 5s
                  participants:
                    - try: com.acme.Svc#debit
                      confirm: confirmDebit
                """,
                "2:5: missing 'method' in a lock; add the method to lock, e.g. method:"
                        + " com.acme.OrderService#place(..)",
                "4:5: missing 'key' in a lock; add the lock key, e.g. key: \"order:{0}\"",
                "7:7: missing 'method' in a global transaction; add the method that begins the transaction, e.g."
                        + " method: com.acme.TransferService#transfer(..)",
                "9:7: missing 'cancel' in a participant; add the name of the cancel method of the same class, e.g."
                        + " cancel: cancelDebit");
    }

    @Test
    void badParticipantMethodNames() {
        files.assertProblems("""
                transactions:
                  participants:
                    - try: com.acme.Svc#debit
                      confirm: Svc#confirmDebit
                      cancel: undo
                    - try: com.acme.Svc#credit
                      confirm: undo
                      cancel: undo
                """,
                "4:16: confirm: 'Svc#confirmDebit' is not a method name; write only the name of a method in the"
                        + " same class, e.g. confirmDebit",
                "8:15: cancel: the same method as confirm; a participant needs two different methods, one to confirm"
                        + " the try and one to undo it");
    }

    @Test
    void duplicateKey() {
        files.assertProblems("""
                locks:
                  - method: com.acme.Svc#run
                    key: run
                    lease: 10s
                    lease: 20s
                """,
                "5:5: duplicate key 'lease'; it is already set at line 4, column 5. Keep only one of them");
    }

    @Test
    void yamlSyntaxError() {
        files.assertProblems("""
                redis:
                  uri: redis://localhost
                   timeout: 2s
                """,
                "3:11: YAML syntax error: mapping values are not allowed here");
    }

    @Test
    void unterminatedQuoteNamesWhereItStarted() {
        files.assertProblems("""
                locks:
                  - method: "com.acme.Svc#run
                """,
                "3:1: YAML syntax error: found unexpected end of stream (while scanning a quoted scalar that starts"
                        + " at line 2, column 13)");
    }

    @Test
    void missingEnvironmentVariables() {
        files.assertProblems("""
                redis:
                  uri: redis://:${REDIS_PASSWORD}@${REDIS_HOST}:6379
                  keyPrefix: ${PREFIX}
                  timeout: ${TIMEOUT:-2s}
                """, Map.of("REDIS_HOST", "redis.example"),
                "2:8: uri: environment variable REDIS_PASSWORD is not set; set it before starting the JVM, or give a"
                        + " default: ${REDIS_PASSWORD:-value}",
                "3:14: keyPrefix: environment variable PREFIX is not set; set it before starting the JVM, or give a"
                        + " default: ${PREFIX:-value}");
    }

    @Test
    void allMissingVariablesOfOneValueInOneProblem() {
        files.assertProblems("""
                redis:
                  uri: redis://:${REDIS_PASSWORD}@${REDIS_HOST}:6379
                """,
                "2:8: uri: environment variables REDIS_PASSWORD, REDIS_HOST are not set; set them before starting the"
                        + " JVM, or give a default: ${REDIS_PASSWORD:-value}");
    }

    @Test
    void malformedEnvironmentReference() {
        files.assertProblems("""
                redis:
                  keyPrefix: ${PREFIX
                  uri: ${REDIS-URI}
                """,
                "2:14: keyPrefix: '${' without a closing '}'; write ${NAME} or ${NAME:-default} (or $${ for a literal"
                        + " ${)",
                "3:8: uri: '${REDIS-URI}' does not name an environment variable; write ${NAME} or ${NAME:-default}"
                        + " with NAME made of letters, digits and '_' (or $${ for a literal ${)");
    }

    @Test
    void replicasIsAWholeNumberFromZero() {
        files.assertProblems("""
                locks:
                  - method: com.acme.Svc#run
                    key: run
                    replicas: -1
                  - method: com.acme.Svc#other
                    key: other
                    replicas: two
                """,
                "4:15: replicas: must be from 0 to 100",
                "7:15: replicas: 'two' is not a whole number; write for example 0");
    }

    @Test
    void replicasIsForModeSingle() {
        files.assertProblems("""
                redis:
                  nodes: [redis://h1:6379, redis://h2:6379, redis://h3:6379]
                locks:
                  - method: com.acme.Svc#run
                    key: run
                    mode: redlock
                    replicas: 1
                """,
                "7:15: replicas applies to mode: single; with mode: redlock the grant is safe through a majority of"
                        + " independent masters, not through replicas: remove replicas, or use mode: single");
    }

    @Test
    void redlockNeedsThreeNodes() {
        files.assertProblems("""
                redis:
                  nodes: [redis://h1:6379, redis://h2:6379]
                locks:
                  - method: com.acme.Svc#run
                    key: run
                    mode: redlock
                """,
                "6:11: mode: redlock needs at least 3 independent Redis masters in redis.nodes, found 2; list them"
                        + " under redis.nodes, or use mode: single");
    }

    @Test
    void redisUrisAreCheckedButNotEchoed() {
        files.assertProblems("""
                redis:
                  uri: http://user:secret@host
                  nodes:
                    - redis://h1:6379
                    - h2:6379
                """,
                "2:8: uri: not a Redis URI; it must start with redis://, rediss://, redis-sentinel:// or redis-socket://, e.g."
                        + " redis://127.0.0.1:6379",
                "5:7: nodes: not a Redis URI; it must start with redis://, rediss://, redis-sentinel:// or redis-socket://, e.g."
                        + " redis://127.0.0.1:6379");
    }

    @Test
    void aClusterAndAUriExcludeEachOther() {
        files.assertProblems("""
                redis:
                  uri: redis://h1:6379
                  cluster: [redis://h1:7000, redis://h2:7000]
                """,
                "3:3: cluster: give either 'uri' (one Redis, or a Sentinel group) or 'cluster' (Redis Cluster seed"
                        + " nodes), not both");
    }

    @Test
    void wrongKindsOfNode() {
        files.assertProblems("""
                redis: redis://localhost
                locks:
                  method: com.acme.Svc#run
                transactions:
                  timeout: [1s, 2s]
                  participants:
                    - com.acme.Svc#debit
                """,
                "1:8: redis: expected a mapping of uri, cluster, nodes, tls, timeout, keyPrefix; found a single value",
                "3:3: locks: expected a list (one '- ' line per entry); found a mapping",
                "5:12: timeout: expected a single value; found a list",
                "7:7: each entry of participants: expected a mapping of try, confirm, cancel; found a single value");
    }

    @Test
    void theFileMustBeAMapping() {
        files.assertProblems("""
                - redis
                """,
                "1:1: the file: expected a mapping of redis, locks, transactions, jdbc, jmx, log, onConfigError,"
                        + " onUnmatched, warnUnmatchedAfter; found a list");
    }

    @Test
    void oneDocumentOnly() {
        files.assertProblems("""
                jmx:
                  enabled: true
                ---
                jdbc:
                  barrier: true
                """,
                "4:1: a second YAML document starts here; weft.yaml holds one document, so remove the '---' line"
                        + " and merge the two");
    }

    @Test
    void aliasesAreRejected() {
        files.assertProblems("""
                redis:
                  timeout: &t 2s
                transactions:
                  timeout: *t
                """,
                "4:12: YAML aliases (*t) are not supported here; write the value out");
    }

    @Test
    void everyProblemIsReportedInFileOrderWithTheOnConfigErrorThatWasRead() {
        ConfigException e = files.failure("""
                locks:
                  - method: com.acme.Svc#run
                    key: run
                    lease: forever
                redis:
                  timeout: soon
                onConfigError: warn
                jmx:
                  enabeld: true
                """, Map.of());

        assertEquals(OnConfigError.WARN, e.onConfigError());
        assertEquals(java.util.List.of(files.at(4, 12), files.at(6, 12), files.at(9, 3)),
                e.problems().stream().map(ConfigProblem::position).toList());
        assertEquals(String.join(System.lineSeparator(), ConfigFiles.lines(e)), e.getMessage());
    }

    @Test
    void onConfigErrorWarnHoldsEvenWhenTheYamlIsBroken() {
        ConfigException e = files.failure("""
                onConfigError: "warn"   # keep the app running
                redis:
                  uri: a
                   timeout: 2s
                """, Map.of());

        assertEquals(OnConfigError.WARN, e.onConfigError());
        assertEquals(java.util.List.of(files.at(4, 11)), e.problems().stream().map(ConfigProblem::position).toList());
    }

    @Test
    void aBrokenYamlWithoutOnConfigErrorMeansHalt() {
        ConfigException e = files.failure("""
                redis:
                  onConfigError: warn
                  uri: a
                   timeout: 2s
                """, Map.of());

        assertEquals(OnConfigError.HALT, e.onConfigError(), "only a top-level onConfigError counts");
    }

    @Test
    void aBrokenOnConfigErrorMeansHalt() {
        ConfigException e = files.failure("onConfigError: warning\n", Map.of());

        assertEquals(OnConfigError.HALT, e.onConfigError());
    }
}
