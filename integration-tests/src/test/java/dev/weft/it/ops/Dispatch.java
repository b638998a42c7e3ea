package dev.weft.it.ops;

import com.acme.ops.DispatchApp;
import dev.weft.it.Jvm;
import dev.weft.testkit.JavaProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@link DispatchApp} under the agent, stopped inside its locked method, with one more selector that matches
 * nothing; what the operator tests look at.
 */
final class Dispatch {
    static final String SHIP = "com.acme.ops.DispatchApp#ship(String)";
    static final String CANCEL = "com.acme.ops.DispatchApp#cancel(..)";
    static final String PARCEL = "parcel-7";

    private Dispatch() {
    }

    /** Started and inside {@code ship}, holding the lock {@code parcel:parcel-7}. */
    static JavaProcess shipping(Path dir, String redisUri) {
        JavaProcess app = Jvm.woven(config(dir), redisUri, DispatchApp.class, PARCEL).start();
        app.awaitLine("SHIPPING " + PARCEL, Jvm.TIMEOUT);
        return app;
    }

    /** Lets {@code ship} return; the JVM then exits by itself. */
    static void finish(JavaProcess app) {
        app.send("FINISH");
        Jvm.assertExitsCleanly(app);
    }

    private static Path config(Path dir) {
        try {
            return Files.writeString(dir.resolve("weft.yaml"), """
                    redis:
                      uri: ${REDIS_URI}
                      timeout: 1s
                    locks:
                      - method: %s
                        key: "parcel:{0}"
                      - method: %s
                        key: "parcel:{0}"
                    """.formatted(SHIP, CANCEL));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
