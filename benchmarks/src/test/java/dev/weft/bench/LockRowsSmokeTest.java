package dev.weft.bench;

import org.junit.jupiter.api.Test;

/** The first half of the smoke run ({@link SmokeRun}): the lock, start-up and per-call rows. */
class LockRowsSmokeTest {
    @Test
    void everyLockStartupAndPerCallRowRunsAndProducesItsNumbers() throws Exception {
        SmokeRun.assertRowsRunAndProduceTheirNumbers(SmokeRun.LOCK_ROWS, SmokeRun.LOCK_SECTIONS);
    }
}
