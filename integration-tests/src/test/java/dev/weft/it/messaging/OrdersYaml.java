package dev.weft.it.messaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The weft.yaml files of the messaging tests' order service (com.acme.outbox) and its shipping consumer. */
public final class OrdersYaml {
    private OrdersYaml() {
    }

    /**
     * {@code Orders#place} publishes each order to {@code stream}; {@code moreKeys} are added to the rule as they are,
     * one per line (e.g. {@code "mode: prepared"}).
     */
    public static Path publish(Path dir, String stream, String... moreKeys) throws IOException {
        StringBuilder rule = new StringBuilder("""
                messages:
                  publish:
                    - method: com.acme.outbox.Orders#place(..)
                      stream: %s
                      payload: "{0}"
                """.formatted(stream));
        for (String key : moreKeys) {
            rule.append("      ").append(key).append('\n');
        }
        return write(dir, "publish-" + stream + ".yaml", rule.toString());
    }

    /** {@code Shipping#onOrder} consumes {@code stream} as group {@code shipping}. */
    public static Path consume(Path dir, String stream) throws IOException {
        return write(dir, "consume-" + stream + ".yaml", """
                messages:
                  consume:
                    - stream: %s
                      group: shipping
                      method: com.acme.outbox.Shipping#onOrder(..)
                """.formatted(stream));
    }

    private static Path write(Path dir, String name, String messages) throws IOException {
        return Files.writeString(dir.resolve(name), """
                redis:
                  uri: ${REDIS_URI}
                """ + messages);
    }
}
