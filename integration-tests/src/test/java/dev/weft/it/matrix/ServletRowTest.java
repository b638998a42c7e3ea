package dev.weft.it.matrix;

import static dev.weft.it.matrix.Stack.Agent.WEFT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.servletshop.ShopServer;
import com.acme.support.Store;
import dev.weft.it.Jvm;
import dev.weft.it.WeftYaml;
import dev.weft.testkit.JavaProcess;
import dev.weft.testkit.RedisExtension;
import jakarta.annotation.Resource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fidelity matrix's servlet row (docs/operations.md, "Tested stacks"): {@link ShopServer}, jakarta servlets on an
 * embedded Tomcat, packaged as an application jar whose manifest names Tomcat's jars, started with
 * {@code java [-javaagent:...] -jar shop.jar} by two JVMs at once. Both take 100 units each through a servlet, locked by
 * Weft; then an order placed and an order refused through a servlet run a TCC transaction (a {@code type: redis} log).
 */
class ServletRowTest {
    private static final int STOCK = 200;
    private static final int PER_INSTANCE = 100;
    private static final int CONNECTIONS_PER_INSTANCE = 4;
    /** Phase two runs right after the decision, on the request's thread, unless another instance's round holds it. */
    private static final Duration PHASE_TWO = Duration.ofSeconds(30);
    /** Only so that a broken run cannot hang the build: Tomcat under two agents starts slowly on a busy machine. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    @RegisterExtension
    static final RedisExtension redis = new RedisExtension();

    @TempDir
    Path dir;

    @Test
    void withoutWeftUnitsAreTakenTwiceAndOrdersAreNeitherConfirmedNorCancelled() {
        Outcome outcome = run(Stack.current(), new ArrayList<>());
        assertTrue(outcome.left > 0, "the control must lose updates, or the locked rows prove nothing: "
                + outcome.left + " left");
        assertEquals(List.of("tried-o1", "tried-o2"), outcome.markers, "without Weft nothing confirms or cancels");
    }

    @Test
    void withWeftNoUnitIsTakenTwiceAndOrdersAreConfirmedOrCancelled() {
        assertProtected(run(Stack.current(WEFT), new ArrayList<>()));
    }

    @Test
    void withWeftOnJava25() {
        List<JavaProcess> jvms = new ArrayList<>();
        assertProtected(run(Stack.java25(WEFT), jvms));
        jvms.forEach(jvm -> assertTrue(jvm.stdoutLines().contains("java=25"), "not run on Java 25" + jvm.report()));
    }

    private static void assertProtected(Outcome outcome) {
        assertEquals(0, outcome.left, "every unit taken once");
        assertEquals(List.of("cancelled-o2", "confirmed-o1", "tried-o1", "tried-o2"), outcome.markers,
                "the placed order confirmed, the refused one cancelled, each once");
    }

    private record Outcome(int left, List<String> markers) {
    }

    /**
     * Two instances take the stock together, then one order is placed on the first and one refused on the second;
     * with Weft, the markers are read once phase two has left both (or after {@link #PHASE_TWO}).
     */
    private Outcome run(Stack stack, List<JavaProcess> jvms) {
        Path jar = AppJar.build(dir.resolve("shop.jar"), ShopServer.class, List.of(ShopServer.class, Store.class),
                List.of(Tomcat.class, Resource.class));
        Path config = weftYaml();
        Store.writeNumber(dir.resolve("widget"), STOCK);
        try {
            for (String name : List.of("shop-a", "shop-b")) {
                jvms.add(stack.apply(JavaProcess.jar(jar).name(name).env("SHOP_DIR", dir.toString()), config,
                        redis.uri()).start());
            }
            List<Integer> ports = jvms.stream().map(jvm -> Integer.parseInt(jvm.awaitLine(
                    line -> line.startsWith("LISTENING "), "LISTENING <port>", START_TIMEOUT).substring(10))).toList();
            Requests.postConcurrently(ports, "/stock?sku=widget", PER_INSTANCE, CONNECTIONS_PER_INSTANCE);
            assertEquals(200, Http.post(ports.get(0), "/orders?id=o1"));
            assertEquals(409, Http.post(ports.get(1), "/orders?id=o2&refused=true"));
            int left = Store.readNumber(dir.resolve("widget"));
            Outcome outcome = new Outcome(left, stack.weft() ? awaitMarkers(4) : markers());
            jvms.forEach(jvm -> jvm.send("STOP"));
            jvms.forEach(Jvm::assertExitsCleanly);
            return outcome;
        } finally {
            jvms.forEach(JavaProcess::close);
        }
    }

    private List<String> awaitMarkers(int count) {
        long deadline = System.nanoTime() + PHASE_TWO.toNanos();
        List<String> markers = markers();
        while (markers.size() < count && System.nanoTime() < deadline) {
            pause();
            markers = markers();
        }
        return markers;
    }

    private List<String> markers() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.matches("(tried|confirmed|cancelled)-o\\d")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Path weftYaml() {
        return WeftYaml.write(dir, """
                redis:
                  uri: ${REDIS_URI}
                  timeout: 5s
                locks:
                  - method: com.acme.servletshop.Stock#take(String)
                    key: "stock:{0}"
                    lease: 10s
                    wait: 60s
                transactions:
                  log:
                    type: redis
                  global:
                    - method: com.acme.servletshop.OrderDesk#place(String, boolean)
                  participants:
                    - try: com.acme.servletshop.Reservations#reserve(String)
                      confirm: confirmReserve
                      cancel: cancelReserve
                """);
    }
}
