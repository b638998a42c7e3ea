package dev.weft.runtime.log;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Keeps the {@code [weft]} lines of each test in memory instead of standard error, for tests that provoke errors on
 * purpose (a lost lock, Redis down) and assert them: a passing build then prints no error that is not one. A failing
 * test's lines are printed after all, to help find out why.
 */
public final class CapturedLog implements BeforeEachCallback, AfterEachCallback {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Override
    public void beforeEach(ExtensionContext context) {
        bytes.reset();
        Log.sendTo(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Log.sendTo(null);
        if (context.getExecutionException().isPresent()) {
            System.err.print(bytes.toString(StandardCharsets.UTF_8));
        }
    }

    /** The {@code [weft] error:} lines so far, without that prefix. */
    public List<String> errors() {
        return lines("[weft] error: ");
    }

    /** The {@code [weft] warn:} lines so far, without that prefix. */
    public List<String> warnings() {
        return lines("[weft] warn: ");
    }

    private List<String> lines(String prefix) {
        return bytes.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> line.startsWith(prefix))
                .map(line -> line.substring(prefix.length()))
                .toList();
    }
}
