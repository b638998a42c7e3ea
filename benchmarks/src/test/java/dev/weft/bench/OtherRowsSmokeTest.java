package dev.weft.bench;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The second half of the smoke run ({@link SmokeRun}): TCC, the outbox, notifications, XA and sessions. */
class OtherRowsSmokeTest {
    @Test
    void everyOtherRowRunsAndProducesItsNumbers() throws Exception {
        SmokeRun.assertRowsRunAndProduceTheirNumbers(SmokeRun.LOCK_ROWS.negate(),
                EnumSet.complementOf(EnumSet.copyOf(SmokeRun.LOCK_SECTIONS)));
    }
}
