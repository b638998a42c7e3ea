package dev.weft.runtime;

import java.io.File;
import java.lang.instrument.Instrumentation;

/** Start-up of the runtime, called reflectively by {@code dev.weft.agent.WeftAgent} inside the private loader. */
public final class WeftRuntime {
    private WeftRuntime() {
    }

    public static void start(String agentArgs, Instrumentation inst, File agentJar, boolean beforeMain) {
        // Wired in the weave step.
    }
}
