package dev.weft.runtime.jdbc;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Ends the phases a failed test left open on its thread, so that they do not leak into the next test. */
public final class EndPhasesLeftBehind implements AfterEachCallback {
    @Override
    public void afterEach(ExtensionContext context) {
        while (PhaseScope.current() != null) {
            PhaseScope.end();
        }
    }
}
