package dev.weft.demo;

import java.io.IOException;

/**
 * One part of the demo: an application run without Weft and then with it, against the services the demo started.
 * The shop is the first; each further part (the bank transfer, with TCC; a purchase across three services, with
 * distributed TCC) is another act on the same stage.
 */
interface Act {
    /**
     * Runs the act, printing its progress.
     *
     * @return false when the application, with Weft, still broke its invariant
     * @throws IllegalStateException when an application JVM failed
     */
    boolean run(Stage stage) throws IOException;
}
