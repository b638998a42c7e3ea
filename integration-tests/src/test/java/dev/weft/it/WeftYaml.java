package dev.weft.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writing weft.yaml files for the test applications. */
public final class WeftYaml {
    private WeftYaml() {
    }

    /** The same lock settings on each of {@code methods}, with Redis at {@code ${REDIS_URI}} (see {@link Jvm#attach}). */
    static Path lock(Path dir, String key, String wait, String onBusy, String... methods) {
        StringBuilder yaml = new StringBuilder("""
                redis:
                  uri: ${REDIS_URI}
                  timeout: 1s
                locks:
                """);
        for (String method : methods) {
            yaml.append("""
                      - method: %s
                        key: "%s"
                        lease: 10s
                        wait: %s
                        onBusy: %s
                    """.formatted(method, key, wait, onBusy));
        }
        return write(dir, yaml.toString());
    }

    public static Path write(Path dir, String yaml) {
        try {
            return Files.writeString(dir.resolve("weft.yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
