package dev.weft.bench;

import dev.weft.testkit.JavaProcess;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agent refused, at start-up, a feature this build does not have yet (RedLock, TCC): the row is reported as
 * not available, and lights up by itself in a build that has it. Any other refusal is a broken benchmark.
 */
public final class NotInThisBuild extends Exception {
    private static final int EXIT_CONFIG = 78;
    private static final Pattern CONFIG_ERROR = Pattern.compile("^weft: config error: .*?:\\d+:\\d+: (.*)$");

    public NotInThisBuild(String reason) {
        super(reason, null, false, false);
    }

    /**
     * For a JVM that ended before it was ready: throws when the agent refused it (exit 78) only for features "not
     * available" in this build; returns for any other end, which the caller reports as a failure.
     */
    public static void throwIfRefused(JavaProcess jvm) throws NotInThisBuild {
        if (jvm.exitCode() != EXIT_CONFIG) {
            return;
        }
        List<String> reasons = jvm.stderrLines().stream().map(CONFIG_ERROR::matcher).filter(Matcher::matches)
                .map(error -> error.group(1)).toList();
        if (!reasons.isEmpty() && reasons.stream().allMatch(reason -> reason.contains("not available"))) {
            throw new NotInThisBuild(String.join("; ", reasons));
        }
    }
}
