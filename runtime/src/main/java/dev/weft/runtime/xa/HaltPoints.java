package dev.weft.runtime.xa;

import dev.weft.runtime.failure.CrashPoint;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Crash points for the recovery tests, chosen with the system property {@code weft.xa.haltAt}: {@code firstPrepare}
 * (after the first branch prepared), {@code allPrepared} (after the second), {@code decision} (before the first
 * commit: Narayana has logged the decision), {@code firstCommit} (after it). See {@link CrashPoint}.
 */
final class HaltPoints {
    private final CrashPoint point;
    private final AtomicInteger prepares = new AtomicInteger();

    private HaltPoints(CrashPoint point) {
        this.point = point;
    }

    static HaltPoints fromSystemProperty() {
        return new HaltPoints(CrashPoint.chosenBy("weft.xa.haltAt"));
    }

    void prepared() {
        if (!point.anyChosen()) {
            return;
        }
        int prepared = prepares.incrementAndGet();
        if (prepared == 1) {
            point.reached("firstPrepare");
        } else if (prepared == 2) {
            point.reached("allPrepared");
        }
    }

    void committing() {
        point.reached("decision");
    }

    void committed() {
        point.reached("firstCommit");
    }
}
