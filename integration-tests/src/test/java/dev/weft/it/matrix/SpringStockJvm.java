package dev.weft.it.matrix;

import dev.weft.it.Jvm;
import dev.weft.testkit.JavaProcess;
import dev.weft.testkit.Signals;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One instance of apps/spring-stock, started as its users start it: {@code java [agents] -jar spring-stock.jar}, with
 * its H2 database file named by {@code STOCK_DB}. It serves on a free port, which it logs.
 */
public final class SpringStockJvm implements AutoCloseable {
    /** Only so that a broken run cannot hang the build: Spring Boot with two agents starts slowly on a busy machine. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(8);
    private static final Pattern PORT = Pattern.compile(".*Tomcat started on port (\\d+).*");
    private static final Pattern STARTED =
            Pattern.compile(".*Started StockApplication in [\\d.]+ seconds \\(process running for ([\\d.]+)\\).*");

    private final JavaProcess process;
    private final Stack stack;
    private int port;
    private double startSeconds;

    private SpringStockJvm(JavaProcess process, Stack stack) {
        this.process = process;
        this.stack = stack;
    }

    /** Starts the JVM; {@link #awaitStarted} waits until it serves. */
    public static SpringStockJvm start(String name, Stack stack, Path database, Path weftConfig, String redisUri) {
        return start(name, stack, database, weftConfig, redisUri, Map.of());
    }

    /** @param settings more environment variables, such as Spring Boot's {@code LOGGING_LEVEL_...} */
    public static SpringStockJvm start(String name, Stack stack, Path database, Path weftConfig, String redisUri,
                                       Map<String, String> settings) {
        JavaProcess.Builder jvm = JavaProcess.jar(Jvm.springStockJar()).name(name)
                .env("STOCK_DB", database.toString())
                .env("OTEL_SERVICE_NAME", name);
        settings.forEach(jvm::env);
        return new SpringStockJvm(stack.apply(jvm, weftConfig, redisUri).start(), stack);
    }

    public void awaitStarted() {
        String started = process.awaitLine(line -> STARTED.matcher(line).matches(), "Spring Boot's \"Started\" line",
                START_TIMEOUT);
        Matcher time = STARTED.matcher(started);
        time.matches();
        startSeconds = Double.parseDouble(time.group(1));
        Matcher listening = process.stdoutLines().stream().map(PORT::matcher).filter(Matcher::matches).findFirst()
                .orElseThrow(() -> new AssertionError("no \"Tomcat started on port\" line" + process.report()));
        port = Integer.parseInt(listening.group(1));
        System.out.printf("[matrix] spring-stock on %s: started in %.1f s (JVM start to Spring Boot's Started line)%n",
                stack, startSeconds);
    }

    public int port() {
        return port;
    }

    /** From the JVM's start to Spring Boot's "Started" line, as Spring Boot measures it. */
    double startSeconds() {
        return startSeconds;
    }

    /** Stops it as a service manager would (SIGTERM), and waits until it has exited and all its output is read. */
    public void stop() {
        Signals.send("TERM", process.pid());
        process.awaitExit(Jvm.TIMEOUT);
    }

    Stack stack() {
        return stack;
    }

    public JavaProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
