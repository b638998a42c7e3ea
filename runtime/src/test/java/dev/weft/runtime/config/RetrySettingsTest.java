package dev.weft.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code transactions.retry}: how confirm and cancel are retried, bounded both ways. */
class RetrySettingsTest {
    @TempDir
    Path dir;

    @Test
    void defaultsWhenNotWritten() throws Exception {
        WeftConfig config = new ConfigFiles(dir).load("""
                transactions:
                  timeout: 5s
                """);
        assertEquals(new TransactionSettings.Retry(Duration.ofSeconds(1), Duration.ofMinutes(5), 20),
                config.transactions().retry());
    }

    @Test
    void readsEveryKey() throws Exception {
        WeftConfig config = new ConfigFiles(dir).load("""
                transactions:
                  retry:
                    initial: 50ms
                    max: 2s
                    maxAttempts: 3
                """);
        assertEquals(new TransactionSettings.Retry(Duration.ofMillis(50), Duration.ofSeconds(2), 3),
                config.transactions().retry());
    }

    @Test
    void outOfBoundsValuesAreErrors() {
        new ConfigFiles(dir).assertProblems("""
                transactions:
                  retry:
                    initial: 1ms
                    max: 25h
                    maxAttempts: 0
                    wait: 1s
                """,
                "3:14: initial: a pause between attempts must be from 10ms to 24h",
                "4:10: max: a pause between attempts must be from 10ms to 24h",
                "5:18: maxAttempts: must be from 1 to 10000",
                "6:5: unknown key 'wait' in 'transactions.retry'; allowed: initial, max, maxAttempts");
    }

    @Test
    void maxShorterThanInitialIsAnError() {
        new ConfigFiles(dir).assertProblems("""
                transactions:
                  retry:
                    initial: 10s
                    max: 1s
                    maxAttempts: many
                """,
                "4:10: retry: max (1000ms) is shorter than initial (10000ms); the pause doubles from initial up to max",
                "5:18: maxAttempts: 'many' is not a whole number; write for example 20");
    }
}
