package dev.weft.runtime.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the config file (SPEC section 2). First found wins: agent argument {@code config=<path>}, system property
 * {@code weft.config}, environment variable {@code WEFT_CONFIG}, then {@code ./weft.yaml}. Relative paths are
 * resolved against the working directory.
 *
 * <p>Agent arguments are {@code key=value} pairs separated by commas, so a path given there cannot contain a comma
 * (the property and the environment variable can). An empty property or variable counts as not set, as shells make
 * {@code WEFT_CONFIG=} easy to write by accident; an empty {@code config=} is an error, as it is always written on
 * purpose.
 */
public final class ConfigLocator {
    static final String ARGUMENT = "config";
    static final String PROPERTY = "weft.config";
    static final String VARIABLE = "WEFT_CONFIG";
    static final String DEFAULT_FILE = "weft.yaml";

    private ConfigLocator() {
    }

    /** A place that can name the config file, and what it says (null when it says nothing). */
    private record Source(String description, String value) {
    }

    /**
     * @return the file to load, or empty when nothing names one and there is no {@code ./weft.yaml}
     * @throws ConfigException when the agent arguments are malformed or a named file does not exist
     */
    public static Optional<Path> locate(String agentArgs, Map<String, String> systemProperties,
            Map<String, String> env, Path workingDir) throws ConfigException {
        List<ConfigProblem> problems = new ArrayList<>();
        Optional<Source> named = Stream.of(
                        new Source("the agent argument config=", configArgument(agentArgs, problems)),
                        new Source("the system property -D" + PROPERTY, blankToNull(systemProperties.get(PROPERTY))),
                        new Source("the environment variable " + VARIABLE, blankToNull(env.get(VARIABLE))))
                .filter(source -> source.value() != null)
                .findFirst();
        Optional<Path> file = named.flatMap(source -> existing(source, workingDir, problems));
        if (!problems.isEmpty()) {
            throw new ConfigException(problems, OnConfigError.HALT);
        }
        if (named.isPresent()) {
            return file;
        }
        Path fallback = workingDir.resolve(DEFAULT_FILE);
        return Files.isRegularFile(fallback) ? Optional.of(fallback) : Optional.empty();
    }

    /** The value of {@code config=}, or null when not given; every malformed argument is a problem. */
    private static String configArgument(String agentArgs, List<ConfigProblem> problems) {
        if (agentArgs == null || agentArgs.isBlank()) {
            return null;
        }
        String value = null;
        for (String pair : agentArgs.split(",")) {
            String trimmed = pair.strip();
            int equals = trimmed.indexOf('=');
            String key = equals < 0 ? trimmed : trimmed.substring(0, equals).strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (!key.equals(ARGUMENT)) {
                problems.add(new ConfigProblem(null, "unknown agent argument '" + key + "'; the only one is "
                        + ARGUMENT + "=<path>"));
            } else if (equals < 0 || trimmed.substring(equals + 1).isBlank()) {
                problems.add(new ConfigProblem(null, "the agent argument config= names no file; write"
                        + " -javaagent:weft-agent.jar=config=/path/weft.yaml"));
            } else {
                value = trimmed.substring(equals + 1).strip();
            }
        }
        return value;
    }

    /** A file the user named explicitly must exist: pointing at nothing is never silently ignored. */
    private static Optional<Path> existing(Source source, Path workingDir, List<ConfigProblem> problems) {
        Path file;
        try {
            file = workingDir.resolve(source.value());
        } catch (InvalidPathException e) {
            problems.add(new ConfigProblem(null, source.description() + " names '" + source.value()
                    + "', which is not a valid path (" + e.getReason() + "); correct it"));
            return Optional.empty();
        }
        if (!Files.isRegularFile(file)) {
            problems.add(new ConfigProblem(null, source.description() + " names " + file + ", which "
                    + (Files.isDirectory(file) ? "is a directory" : "does not exist")
                    + "; correct the path, or remove " + source.description() + " to use ./" + DEFAULT_FILE));
            return Optional.empty();
        }
        return Optional.of(file);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
