package dev.weft.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A child JVM for tests and the demo: {@code java [-javaagent:...] -cp ... Main args} or {@code java -jar}.
 *
 * <p>Standard output and error are drained by their own threads into memory, so a chatty child never blocks on a
 * full pipe, and a caller can wait for a line on standard output to coordinate with the child instead of sleeping.
 * Standard input stays open for the opposite direction ({@link #send}). Every child still alive when this JVM exits
 * is killed, so a failed or interrupted run leaves no orphan JVM behind.
 */
public final class JavaProcess implements AutoCloseable {
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(5);
    /**
     * JVM options every child gets before its own, from the system property {@code weft.childJvmOptions} (split on
     * spaces). The integration tests set it to a quick start (C1 only, serial GC): their JVMs live seconds, and on a
     * 2-core machine C2 and parallel GC threads cost more CPU than the tests themselves. Benchmarks leave it unset.
     */
    private static final List<String> CHILD_OPTIONS = List.of(System.getProperty("weft.childJvmOptions", "").trim()
            .split("\\s+")).stream().filter(option -> !option.isEmpty()).toList();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly), "jvm-reaper"));
    }

    private final String name;
    private final List<String> command;
    private final Process process;
    private final Output stdout;
    private final Output stderr;
    private final Writer stdin;

    private JavaProcess(String name, List<String> command, Process process) {
        this.name = name;
        this.command = command;
        this.process = process;
        this.stdout = new Output(process.getInputStream(), name + "-stdout");
        this.stderr = new Output(process.getErrorStream(), name + "-stderr");
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    /** {@code java -cp <classPath> <mainClass>}; the class path defaults to this JVM's. */
    public static Builder mainClass(String mainClass) {
        return new Builder(List.of(mainClass), mainClass);
    }

    /** {@code java -jar <jar>}. */
    public static Builder jar(Path jar) {
        return new Builder(List.of("-jar", jar.toString()), jar.getFileName().toString());
    }

    /** Writes one line to the child's standard input. */
    public void send(String line) {
        try {
            stdin.write(line + System.lineSeparator());
            stdin.flush();
        } catch (IOException e) {
            throw new IllegalStateException(name + " no longer reads its standard input" + report(), e);
        }
    }

    /**
     * Waits until the child printed a line equal to {@code line} on standard output (also if it already did).
     *
     * @throws IllegalStateException if the child exits or {@code timeout} passes first (the child is then killed)
     */
    public String awaitLine(String line, Duration timeout) {
        return awaitLine(line::equals, "\"" + line + "\"", timeout);
    }

    /** As {@link #awaitLine(String, Duration)}, for the first line that matches {@code test}, described by {@code what}. */
    public String awaitLine(Predicate<String> test, String what, Duration timeout) {
        return await(stdout, test, what, timeout);
    }

    /** As {@link #awaitLine(Predicate, String, Duration)}, on standard error: for the agent's own log lines. */
    public String awaitErrorLine(Predicate<String> test, String what, Duration timeout) {
        return await(stderr, test, what, timeout);
    }

    private String await(Output output, Predicate<String> test, String what, Duration timeout) {
        String found = output.await(test, timeout);
        if (found == null) {
            String why = output.ended() ? endedBy() : " printed nothing matching within " + timeout;
            kill();
            throw new IllegalStateException(name + why + " instead of printing " + what + report());
        }
        return found;
    }

    /**
     * Waits for the child to exit and returns its exit status.
     *
     * @throws IllegalStateException if it is still running after {@code timeout}; it is killed first
     */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
                throw new IllegalStateException(name + " did not exit within " + timeout + " and was killed" + report());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        }
        LIVE.remove(process);
        stdout.drain();
        stderr.drain();
        return process.exitValue();
    }

    /** Why standard output ended: usually the child exited, and its status says a lot (78 bad config, ...). */
    private String endedBy() {
        try {
            if (process.waitFor(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                return " exited with status " + process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return " closed its standard output";
    }

    /** Kills the child and waits for it and its output to end, so that {@link #report()} is complete. */
    private void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LIVE.remove(process);
        stdout.drain();
        stderr.drain();
    }

    /** The exit status; only after {@link #awaitExit} returned. */
    public int exitCode() {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        return process.exitValue();
    }

    public String stdout() {
        return stdout.text();
    }

    public String stderr() {
        return stderr.text();
    }

    public List<String> stdoutLines() {
        return stdout.lines();
    }

    public List<String> stderrLines() {
        return stderr.lines();
    }

    public long pid() {
        return process.pid();
    }

    /** The command line and everything printed so far, for assertion messages. */
    public String report() {
        return "\n--- " + name + ": " + String.join(" ", command)
                + "\n--- stdout:\n" + stdout.text() + "--- stderr:\n" + stderr.text() + "---";
    }

    /** Kills the child if it is still running. */
    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
        LIVE.remove(process);
    }

    /** Collects one output stream line by line and lets callers wait for a line. */
    private static final class Output {
        private final List<String> lines = new ArrayList<>();
        private final Thread pump;
        private boolean ended;

        Output(InputStream in, String threadName) {
            pump = new Thread(() -> pump(in), threadName);
            pump.setDaemon(true);
            pump.start();
        }

        private void pump(InputStream in) {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    synchronized (this) {
                        lines.add(line);
                        notifyAll();
                    }
                }
            } catch (IOException closedByKill) {
                // The child was killed: what it printed so far is all there is.
            } finally {
                synchronized (this) {
                    ended = true;
                    notifyAll();
                }
            }
        }

        /** The first matching line, or null if the stream ended or the timeout passed without one. */
        synchronized String await(Predicate<String> test, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            int checked = 0;
            while (true) {
                for (; checked < lines.size(); checked++) {
                    if (test.test(lines.get(checked))) {
                        return lines.get(checked);
                    }
                }
                long left = deadline - System.nanoTime();
                if (ended || left <= 0) {
                    return null;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
        }

        /** Waits for the pump to read to the end, so that output is complete once the process has exited. */
        void drain() {
            try {
                pump.join(DRAIN_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        synchronized boolean ended() {
            return ended;
        }

        synchronized List<String> lines() {
            return List.copyOf(lines);
        }

        synchronized String text() {
            StringBuilder text = new StringBuilder();
            lines.forEach(line -> text.append(line).append('\n'));
            return text.toString();
        }
    }

    public static final class Builder {
        private final List<String> target;
        private String name;
        private Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        private final List<String> agents = new ArrayList<>();
        private final List<String> options = new ArrayList<>();
        private String classPath = System.getProperty("java.class.path");
        private final List<String> args = new ArrayList<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        private Path workDir;

        private Builder(List<String> target, String name) {
            this.target = target;
            this.name = name;
        }

        /** The {@code java} executable; defaults to the one running this JVM. */
        public Builder java(Path executable) {
            this.java = executable;
            return this;
        }

        /**
         * Adds {@code -javaagent:<jar>=<options>}, or {@code -javaagent:<jar>} when options is null; several agents
         * are put on the command line in the order they were added, which is the order the JVM starts them in.
         */
        public Builder agent(Path jar, String options) {
            agents.add("-javaagent:" + jar + (options == null ? "" : "=" + options));
            return this;
        }

        /** A JVM option, placed after {@link #agent}'s (a second {@code -javaagent} then starts after it). */
        public Builder option(String option) {
            options.add(option);
            return this;
        }

        public Builder classPath(String classPath) {
            this.classPath = classPath;
            return this;
        }

        public Builder args(String... args) {
            this.args.addAll(List.of(args));
            return this;
        }

        public Builder env(String variable, String value) {
            env.put(variable, value);
            return this;
        }

        public Builder workDir(Path dir) {
            this.workDir = dir;
            return this;
        }

        /** How the child is called in messages (default: its main class or jar name). */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        private List<String> command() {
            List<String> command = new ArrayList<>();
            command.add(java.toString());
            command.addAll(agents);
            command.addAll(CHILD_OPTIONS);
            command.addAll(options);
            if (!target.get(0).equals("-jar")) {
                command.add("-cp");
                command.add(classPath);
            }
            command.addAll(target);
            command.addAll(args);
            return command;
        }

        public JavaProcess start() {
            List<String> command = command();
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(env);
            if (workDir != null) {
                builder.directory(workDir.toFile());
            }
            try {
                Process process = builder.start();
                LIVE.add(process);
                return new JavaProcess(name, command, process);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start " + String.join(" ", command), e);
            }
        }
    }
}
