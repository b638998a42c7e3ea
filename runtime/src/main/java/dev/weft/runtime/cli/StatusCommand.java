package dev.weft.runtime.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.weft.runtime.jmx.AttachFailure;
import dev.weft.runtime.jmx.StatusReport;
import dev.weft.runtime.jmx.WeftStatus;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.Optional;

/**
 * {@code weft status <pid> [--json]}: held locks, waiters and open or failed transactions of a running JVM, read
 * from its Weft MBeans. Exit 1 when the JVM cannot be reached or does not run Weft.
 */
final class StatusCommand {
    private final PrintStream out;
    private final PrintStream err;

    StatusCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(long pid, boolean json) throws IOException {
        Optional<StatusReport> report;
        try {
            report = WeftStatus.readLocal(pid);
        } catch (AttachFailure e) {
            err.println("weft status: " + e.getMessage());
            return Cli.PROBLEM;
        } catch (IOException | UndeclaredThrowableException e) {
            // MXBean proxies wrap the connection's IOException: the JVM most likely exited while being read.
            Throwable cause = e instanceof UndeclaredThrowableException ? e.getCause() : e;
            err.println("weft status: lost the connection to pid " + pid + " while reading it: " + cause);
            return Cli.PROBLEM;
        }
        if (report.isEmpty()) {
            err.println("weft status: pid " + pid + " is a JVM without Weft: it has no dev.weft:type=Agent MBean."
                    + " Start it with -javaagent:weft-agent.jar=config=weft.yaml (and jmx.enabled left true).");
            return Cli.PROBLEM;
        }
        out.print(json ? json(report.get()) : StatusText.render(report.get()));
        out.flush();
        return Cli.OK;
    }

    static String json(StatusReport report) throws IOException {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report)
                + System.lineSeparator();
    }
}
