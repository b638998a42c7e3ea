package dev.weft.runtime.config;

import dev.weft.runtime.log.Log;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads and validates a config file (SPEC section 3). Every problem is collected, each with its
 * {@code file:line:column}, before any is reported. {@code ${NAME}} substitution is described in
 * {@link EnvSubstitution}.
 */
public final class ConfigLoader {
    private static final List<String> TOP_KEYS =
            List.of("redis", "locks", "transactions", "jdbc", "jmx", "log", "onConfigError", "onUnmatched",
                    "warnUnmatchedAfter");

    private static final Pattern WARN_LINE =
            Pattern.compile("^onConfigError:[ \\t]*([\"']?)warn\\1[ \\t]*(#.*)?$", Pattern.MULTILINE);

    private ConfigLoader() {
    }

    /**
     * @param file as the user named it; messages show it this way
     * @param env  the environment for {@code ${NAME}} references
     * @throws ConfigException with every problem found, and the {@code onConfigError} value read
     */
    public static WeftConfig load(Path file, Map<String, String> env) throws ConfigException {
        return load(file, env, List.of());
    }

    /** @param sections the features' own sections, beside the built-in ones */
    public static WeftConfig load(Path file, Map<String, String> env, List<ConfigSection<?>> sections)
            throws ConfigException {
        String name = file.toString();
        String text = readText(file);
        Problems problems = new Problems();
        Optional<YamlNode> root = YamlReader.read(text, name, problems);
        TreeReader reader = new TreeReader(problems, new EnvSubstitution(env));
        List<String> topKeys = new ArrayList<>(TOP_KEYS);
        sections.forEach(section -> topKeys.add(section.key()));
        Fields top = root.flatMap(node -> reader.fields(node, "the file", "at the top level", topKeys))
                .orElseGet(() -> Fields.none(new SourcePosition(name, 1, 1), reader));

        OnConfigError onConfigError = top.optional("onConfigError", writtenOnConfigError(text),
                ValueParsers.choice(OnConfigError.class));
        Log.Level logLevel = top.fields("log", "in 'log'", List.of("level"))
                .map(log -> log.optional("level", WeftConfig.DEFAULT_LOG_LEVEL, ValueParsers.choice(Log.Level.class)))
                .orElse(WeftConfig.DEFAULT_LOG_LEVEL);
        RedisSettings redis = RedisSection.read(top.fields("redis", "in 'redis'", RedisSection.KEYS), reader);
        List<LockRule> locks = LocksSection.read(top.items("locks"), redis, reader);
        TransactionSettings transactions = TransactionsSection.read(
                top.fields("transactions", "in 'transactions'", TransactionsSection.KEYS),
                top.keyPosition("transactions").orElse(null), reader);
        JdbcSettings jdbc = JdbcSection.read(top.fields("jdbc", "in 'jdbc'", JdbcSection.KEYS),
                top.keyPosition("jdbc").orElse(null));
        boolean jmxEnabled = flag(top, "jmx", "enabled", true);
        UnmatchedSettings unmatched = new UnmatchedSettings(
                top.optional("onUnmatched", OnUnmatched.WARN, ValueParsers.choice(OnUnmatched.class)),
                top.optional("warnUnmatchedAfter", UnmatchedSettings.DEFAULT_WARN_AFTER, ValueParsers.positiveDuration()));
        Map<String, Object> read = new LinkedHashMap<>();
        for (ConfigSection<?> section : sections) {
            if (section.isList()) {
                read.put(section.key(), top.keyPosition(section.key()).isPresent()
                        ? section.read(new SectionReader(top, reader)) : section.defaults());
                continue;
            }
            read.put(section.key(), top.fields(section.key(), "in '" + section.key() + "'", section.keys())
                    .<Object>map(fields -> section.read(new SectionReader(fields, reader)))
                    .orElseGet(section::defaults));
        }

        if (!problems.isEmpty()) {
            throw new ConfigException(problems.inFileOrder(), onConfigError);
        }
        return new WeftConfig(file, onConfigError, logLevel, redis, locks, transactions, jdbc, jmxEnabled, unmatched,
                read);
    }

    /**
     * A file with a YAML syntax error has no tree to read {@code onConfigError} from, yet a user who wrote
     * {@code onConfigError: warn} still means it; so the line itself is looked for.
     */
    private static OnConfigError writtenOnConfigError(String text) {
        return WARN_LINE.matcher(text).find() ? OnConfigError.WARN : OnConfigError.HALT;
    }

    /** A section holding one boolean, such as {@code jmx: {enabled: true}}. */
    private static boolean flag(Fields top, String section, String key, boolean fallback) {
        return top.fields(section, "in '" + section + "'", List.of(key))
                .map(fields -> fields.optional(key, fallback, ValueParsers.bool()))
                .orElse(fallback);
    }

    private static String readText(Path file) throws ConfigException {
        try {
            return Files.readString(file);
        } catch (CharacterCodingException e) {
            throw fileProblem(file, "the file is not UTF-8 text; save it as UTF-8");
        } catch (IOException e) {
            throw fileProblem(file, "cannot read the file (" + e + "); check that it exists and is readable");
        }
    }

    private static ConfigException fileProblem(Path file, String message) {
        return new ConfigException(new ConfigProblem(new SourcePosition(file.toString(), 1, 1), message));
    }
}
