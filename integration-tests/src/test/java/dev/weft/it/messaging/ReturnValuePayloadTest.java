package dev.weft.it.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.outbox.Invoices;
import dev.weft.it.Jvm;
import dev.weft.testkit.JavaProcess;
import dev.weft.testkit.RedisExtension;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code payload: "{return}"} (docs/outbox.md): the message carries what the method returned, so it is written when
 * the method returns; a method that commits its own work before that cannot have one, and fails rather than commit
 * without its message.
 */
class ReturnValuePayloadTest {
    private static final String STREAM = "weft:stream:{invoices}";

    @RegisterExtension
    static final RedisExtension redis = new RedisExtension();

    @TempDir
    Path dir;

    @Test
    void eachReturnedInvoiceIsPublishedAndAMethodThatCommitsBeforeReturningFailsWithNothingCommitted()
            throws IOException {
        Path yaml = Files.writeString(dir.resolve("weft.yaml"), """
                redis:
                  uri: ${REDIS_URI}
                messages:
                  publish:
                    - method: com.acme.outbox.Invoices#issue*(..)
                      stream: invoices
                      payload: "{return}"
                """);
        try (JavaProcess invoices = Jvm.woven(yaml, redis.uri(), Invoices.class, url(), "3").start()) {
            String refused = invoices.awaitLine(line -> line.startsWith("REFUSED ") || line.equals("ISSUED"),
                    "REFUSED or ISSUED", Jvm.TIMEOUT);
            assertTrue(refused.startsWith("REFUSED weft: com.acme.outbox.Invoices#issueAlone ends its transaction"
                    + " before it returns"), invoices.report());
            invoices.awaitLine("INVOICES 3 600", Jvm.TIMEOUT);
            invoices.send("");
            Jvm.assertExitsCleanly(invoices);
        }
        assertEquals(List.of("{\"number\":1,\"amount\":100}", "{\"number\":2,\"amount\":200}",
                "{\"number\":3,\"amount\":300}"), payloads());
    }

    /** The control: without Weft the method that closes its connection commits its invoice, of course. */
    @Test
    void withoutWeftTheSameCallsCommitAllFour() {
        try (JavaProcess invoices = Jvm.plain(Invoices.class, url(), "3").start()) {
            invoices.awaitLine("ISSUED", Jvm.TIMEOUT);
            invoices.awaitLine("INVOICES 4 601", Jvm.TIMEOUT);
            invoices.send("");
            Jvm.assertExitsCleanly(invoices);
        }
    }

    private List<String> payloads() {
        RedisClient client = RedisClient.create(redis.uri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().xrange(STREAM, Range.create("-", "+")).stream()
                    .map(StreamMessage::getBody).map(body -> body.get("payload")).toList();
        } finally {
            client.shutdown();
        }
    }

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("invoices").toAbsolutePath();
    }
}
