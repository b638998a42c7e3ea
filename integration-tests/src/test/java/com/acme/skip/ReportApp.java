package com.acme.skip;

import com.acme.support.Handshake;
import com.acme.support.Store;
import java.nio.file.Path;

/**
 * Generates a report once; a second caller is expected to give up rather than wait.
 *
 * <p>Usage: {@code ReportApp <marker dir> holder|caller}. The body leaves a marker {@code ran-<role>} and says
 * ENTERED; as {@code holder} it then stays inside until the test sends FINISH. As {@code caller} it calls only after
 * READY and GO, so the test can first let the holder in. Prints {@code RESULT <value>}.
 */
public final class ReportApp {
    private final Path markers;
    private final String role;

    private ReportApp(Path markers, String role) {
        this.markers = markers;
        this.role = role;
    }

    public static void main(String[] args) {
        ReportApp app = new ReportApp(Path.of(args[0]), args[1]);
        if (app.role.equals("caller")) {
            Handshake.readyThenAwaitGo();
        }
        try {
            Handshake.tell("RESULT " + app.generate("monthly"));
        } catch (RuntimeException e) {
            Handshake.tell("ERROR " + e.getClass().getName() + ": " + e.getMessage());
        }
    }

    public int generate(String report) {
        Store.mark(markers, "ran-" + role);
        Handshake.tell("ENTERED");
        if (role.equals("holder")) {
            Handshake.await("FINISH");
        }
        return 42;
    }
}
