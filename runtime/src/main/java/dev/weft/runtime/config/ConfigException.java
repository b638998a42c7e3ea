package dev.weft.runtime.config;

import java.util.List;
import java.util.stream.Collectors;

/** The configuration cannot be used; carries every problem found, not just the first. */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;
    private final OnConfigError onConfigError;

    /**
     * @param onConfigError the {@code onConfigError} value read from the file, so the caller can choose between halting
     *                      and warning even though the rest of the file is unusable
     */
    public ConfigException(List<ConfigProblem> problems, OnConfigError onConfigError) {
        super(problems.stream().map(ConfigProblem::format).collect(Collectors.joining(System.lineSeparator())));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
        this.onConfigError = onConfigError;
    }

    /** A single problem found before the file could be read, so no {@code onConfigError} value is known. */
    public ConfigException(ConfigProblem problem) {
        this(List.of(problem), OnConfigError.HALT);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    public OnConfigError onConfigError() {
        return onConfigError;
    }
}
