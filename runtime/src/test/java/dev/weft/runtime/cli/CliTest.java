package dev.weft.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Calling the CLI wrongly is exit 2 with the usage; a pid that is no JVM is exit 1, at once. */
class CliTest {
    @Test
    void noCommandOrAnUnknownOneShowsTheUsage() throws Exception {
        for (String[] args : new String[][] {{}, {"stat"}, {"check", "--config", "weft.yaml"}, {"status"},
                {"status", "12ab"}, {"status", "1", "2"}}) {
            CliRun run = CliRun.of(args);
            assertEquals(2, run.status(), run.toString());
            assertTrue(run.err().contains(Cli.USAGE), run.toString());
        }
    }

    @Test
    void helpIsNotAnError() throws Exception {
        CliRun run = CliRun.of("--help");
        assertEquals(0, run.status(), run.toString());
        assertEquals(Cli.USAGE + "\n", run.out());
    }

    @Test
    void statusOfAProcessThatIsNoJvmSaysSoWithoutTouchingIt() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        try {
            CliRun run = CliRun.of("status", Long.toString(sleeper.pid()));

            assertEquals(1, run.status(), run.toString());
            assertEquals("weft status: no Java process with pid " + sleeper.pid() + " is running as this user on"
                    + " this machine (a JVM started with -XX:-UsePerfData cannot be found either)\n", run.err());
            assertTrue(sleeper.isAlive(), "status must not signal a process that is not a JVM");
        } finally {
            sleeper.destroy();
        }
    }
}
