package dev.weft.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the built artifacts are, from the repository root ({@code -Dweft.bench.root}, default the working
 * directory): the agent as users attach it, each peer's class path, and the classes of the worker JVMs.
 */
public record Layout(Path root) {
    public static Layout fromSystemProperties() {
        return new Layout(Path.of(System.getProperty("weft.bench.root", "")).toAbsolutePath().normalize());
    }

    public Path agentJar() {
        return built("agent/target/weft-agent.jar");
    }

    public Path openTelemetryAgent() {
        return built("benchmarks/target/peers/opentelemetry-javaagent.jar");
    }

    /** This module's classes (or the shaded jar holding them): the worker JVMs' own code, without any peer. */
    public String workerClassPath() {
        return codeSource(Layout.class);
    }

    /**
     * {@link #workerClassPath()} and the jars of {@code classes} (JDBC drivers, as an application would have them):
     * in the shaded jar they are inside it already; under Maven's test run they are jars of their own.
     */
    public String workerClassPath(String... classes) {
        List<String> path = new ArrayList<>(List.of(workerClassPath()));
        for (String name : classes) {
            try {
                String jar = codeSource(Class.forName(name, false, Layout.class.getClassLoader()));
                if (!path.contains(jar)) {
                    path.add(jar);
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(name + " is not on the harness's class path", e);
            }
        }
        return String.join(File.pathSeparator, path);
    }

    private static String codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public String redissonClassPath() {
        return withPeer("benchmarks/peers/redisson/target/classpath.txt");
    }

    /** Lettuce 7's class path, with the jars of {@code classes} as in {@link #workerClassPath(String...)}. */
    public String lettuceClassPath(String... classes) {
        return withPeer("benchmarks/peers/lettuce/target/classpath.txt", classes);
    }

    private String withPeer(String classPathFile, String... classes) {
        try {
            return workerClassPath(classes) + File.pathSeparator + Files.readString(built(classPathFile)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path built(String relative) {
        Path path = root.resolve(relative);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(path + " does not exist: build first (mvn -B -q -DskipTests package)"
                    + " and run from the repository root, or set -Dweft.bench.root");
        }
        return path;
    }
}
