package dev.weft.it.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.sessions.SessionServer;
import dev.weft.it.Jvm;
import dev.weft.it.WeftYaml;
import dev.weft.testkit.JavaProcess;
import dev.weft.testkit.RedisExtension;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 on an embedded Tomcat 11 (jakarta): two instances of one unchanged servlet application
 * ({@link SessionServer}), both with the agent and {@code sessions:}, and a client that sends its cookie to either, as a
 * load balancer without sticky sessions would. The control runs the same application without the agent.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TomcatSessionsTest {
    /** Only so that a broken run cannot hang the build: Tomcat under the agent starts slowly on a busy machine. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    /** Only so that a broken run cannot hang the build; the session expires after one second. */
    private static final Duration EXPIRY_DEADLINE = Duration.ofSeconds(30);

    @RegisterExtension
    static final RedisExtension redis = new RedisExtension();

    @TempDir
    static Path dir;

    private static final List<JavaProcess> jvms = new ArrayList<>();
    private static int a;
    private static int b;

    @BeforeAll
    static void startTwoInstances() {
        Path config = WeftYaml.write(dir, """
                redis:
                  uri: ${REDIS_URI}
                  timeout: 2s
                sessions:
                  enabled: true
                  serializer: java
                  allow: [com.acme.sessions.Listed, com.acme.sessions.BoundValue]
                """);
        List<JavaProcess> started = List.of(
                Jvm.woven(config, redis.uri(), SessionServer.class).name("tomcat-a").start(),
                Jvm.woven(config, redis.uri(), SessionServer.class).name("tomcat-b").start());
        jvms.addAll(started);
        a = port(started.get(0));
        b = port(started.get(1));
    }

    @AfterAll
    static void stop() {
        jvms.forEach(JavaProcess::close);
    }

    static int port(JavaProcess jvm) {
        return Integer.parseInt(jvm.awaitLine(line -> line.startsWith("LISTENING "), "LISTENING <port>",
                START_TIMEOUT).substring("LISTENING ".length()));
    }

    @Test
    @Order(1)
    void aClientAlternatingBetweenInstancesSeesOneSession() {
        Browser browser = new Browser("JSESSIONID");
        assertEquals(List.of("1", "2", "3", "4"), List.of(browser.body(a, "/count"), browser.body(b, "/count"),
                browser.body(a, "/count"), browser.body(b, "/count")));
    }

    @Test
    @Order(2)
    void withoutWeftTheOtherInstanceHasNoSession() {
        List<JavaProcess> plain = List.of(Jvm.plain(SessionServer.class).name("plain-a").start(),
                Jvm.plain(SessionServer.class).name("plain-b").start());
        try {
            int plainA = port(plain.get(0));
            int plainB = port(plain.get(1));
            Browser browser = new Browser("JSESSIONID");
            assertEquals("1", browser.body(plainA, "/count"));
            assertEquals("none", browser.body(plainB, "/get?name=count"), "the control must lose the session");
            assertEquals("1", browser.body(plainB, "/count"), "the control's counter starts again");
        } finally {
            plain.forEach(JavaProcess::close);
        }
    }

    @Test
    void theCookieIsHttpOnlyAndSameSiteLaxWithAnIdOfAtLeast128Bits() {
        Browser browser = new Browser("JSESSIONID");
        String setCookie = browser.get(a, "/count").setCookies().get(0);
        assertTrue(setCookie.contains("; HttpOnly") && setCookie.contains("; SameSite=Lax"), setCookie);
        assertFalse(setCookie.contains("Secure"), "a plain HTTP request gets no Secure cookie: " + setCookie);
        assertTrue(browser.cookie.matches("[0-9a-f]{32,}"), browser.cookie);
        assertTrue(inRedis(redis -> redis.pttl(key(browser.cookie))) > 0, "the session's hash expires");
    }

    @Test
    void concurrentRequestsSettingDifferentAttributesKeepBoth() {
        Browser browser = new Browser("JSESSIONID");
        browser.body(a, "/count");
        together(browser, "/put?name=first&value=1&meet", "/put?name=second&value=2&meet");
        assertEquals("1", browser.body(b, "/get?name=first"));
        assertEquals("2", browser.body(b, "/get?name=second"));
    }

    /**
     * The control of the test above: the same two requests, meeting once both have read the session, each write the
     * whole of one attribute; whichever writes last erases the other's change. So the two requests really overlapped,
     * and a session written whole would have lost one of the attributes above.
     */
    @Test
    void concurrentRequestsWritingOneAttributeWholeLoseAnUpdate() {
        Browser browser = new Browser("JSESSIONID");
        browser.body(a, "/count");
        together(browser, "/increment?name=n&meet", "/increment?name=n&meet");
        assertEquals("1", browser.body(b, "/get?name=n"), "two increments made on one state: one is lost");
    }

    @Test
    void aListChangedInPlaceIsSaved() {
        Browser browser = new Browser("JSESSIONID");
        assertEquals("[apple]", browser.body(a, "/cart?add=apple"));
        assertEquals("[apple, pear]", browser.body(b, "/cart?add=pear"));
        assertEquals("[apple, pear]", browser.body(a, "/cart"));
    }

    @Test
    void changeSessionIdKeepsTheAttributesAndTheOldIdIsInvalid() {
        Browser browser = new Browser("JSESSIONID");
        browser.body(a, "/count");
        String old = browser.cookie;
        String changed = browser.body(a, "/login?user=ada");
        assertEquals(changed, browser.cookie, "the new id is sent as the cookie");
        assertNotEquals(old, changed);
        assertEquals("ada", browser.body(b, "/get?name=user"));
        assertEquals("1", browser.body(b, "/get?name=count"));
        assertFalse(existsInRedis(old), "the old hash is deleted");
        Browser stale = new Browser("JSESSIONID");
        stale.cookie = old;
        assertEquals("false", stale.body(b, "/valid"));
        assertEquals("none", stale.body(b, "/get?name=user"));
        assertEquals("true", browser.body(b, "/valid"));
    }

    @Test
    void invalidateDeletesTheSession() {
        Browser browser = new Browser("JSESSIONID");
        browser.body(a, "/count");
        String id = browser.cookie;
        browser.body(b, "/invalidate");
        assertFalse(existsInRedis(id), "the hash is deleted");
        assertEquals("none", browser.body(a, "/get?name=count"));
    }

    @Test
    void aSessionExpiresAfterItsMaxInactiveInterval() {
        Browser browser = new Browser("JSESSIONID");
        browser.body(a, "/count");
        browser.body(a, "/expire?seconds=1");
        long deadline = System.nanoTime() + EXPIRY_DEADLINE.toNanos();
        while (existsInRedis(browser.cookie) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals("none", browser.body(b, "/get?name=count"), "expired in Redis, so gone on every instance");
    }

    @Test
    void theAllowListReadsBackListedClassesAndRefusesOthersByName() {
        Browser browser = new Browser("JSESSIONID");
        browser.body(a, "/listed?text=fine");
        assertEquals("Listed[text=fine]", browser.body(b, "/get?name=object"));
        browser.body(a, "/unlisted?text=gadget");
        Browser.Answer refused = browser.get(b, "/get?name=object");
        assertEquals(500, refused.status());
        assertTrue(refused.body().contains("com.acme.sessions.Unlisted") && refused.body().contains("sessions.allow"),
                refused.body());
    }

    @Test
    @Order(Order.DEFAULT + 1) // after the others: it stops Redis
    void whenRedisIsDownRequestsFailWith503AndNeverGetAnEmptySession() {
        Browser browser = new Browser("JSESSIONID");
        browser.body(a, "/count");
        redis.server().kill();
        try {
            Browser.Answer answer = browser.get(b, "/count");
            assertEquals(503, answer.status(), answer.body());
            assertTrue(answer.setCookies().isEmpty(), "no new session: " + answer.setCookies());
            assertEquals(503, new Browser("JSESSIONID").get(a, "/count").status(), "nor for a new client");
        } finally {
            redis.server().restart();
            awaitReconnected(a);
            awaitReconnected(b);
        }
    }

    /** Until the instance's Redis connection is back (Lettuce reconnects in the background, at most 1 s apart). */
    private static void awaitReconnected(int port) {
        long deadline = System.nanoTime() + EXPIRY_DEADLINE.toNanos();
        while (new Browser("JSESSIONID").get(port, "/count").status() == 503 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    @Test
    @Order(Order.DEFAULT + 2) // last: it kills instance a
    void whenOneInstanceIsKilledTheSessionGoesOnOnTheOther() {
        Browser browser = new Browser("JSESSIONID");
        assertEquals("1", browser.body(a, "/count"));
        Jvm.kill9(jvms.get(0));
        assertEquals("2", browser.body(b, "/count"));
    }

    /**
     * Issue 18's listener events: each change is told on the instance where it happens, by the listener Tomcat made
     * ({@code EventRecorder}), with the old value for a replaced or removed attribute; {@code sessionDestroyed} comes
     * while the attributes are still there, then each is removed.
     */
    @Test
    void listenersAreToldOfEachChangeOnTheInstanceWhereItHappens() {
        Browser browser = new Browser("JSESSIONID");
        List<String> changes = List.of("/count", "/count", "/put?name=count", "/put?name=x&value=y", "/invalidate");
        List<Integer> on = List.of(a, b, b, a, b);
        for (int i = 0; i < changes.size(); i++) {
            browser.body(on.get(i), changes.get(i));
        }
        assertEquals("[created, added count=1, added x=y]", events(a, browser.cookie));
        assertEquals("[replaced count=1, removed count=2, destroyed [x], removed x=y]", events(b, browser.cookie));
    }

    /** The control: without the agent, Tomcat tells the same listener the same events of its own sessions. */
    @Test
    void withoutWeftTomcatTellsTheSameListenerOfItsOwnSessions() {
        JavaProcess plain = Jvm.plain(SessionServer.class).name("plain-events").start();
        try {
            int port = port(plain);
            Browser browser = new Browser("JSESSIONID");
            for (String change : List.of("/count", "/count", "/put?name=count", "/put?name=x&value=y", "/invalidate")) {
                browser.body(port, change);
            }
            assertEquals("[created, added count=1, replaced count=1, removed count=2, added x=y, destroyed [x],"
                    + " removed x=y]", events(port, browser.cookie));
        } finally {
            plain.close();
        }
    }

    @Test
    void changeSessionIdIsToldOnTheInstanceThatChangedIt() {
        Browser browser = new Browser("JSESSIONID");
        browser.body(a, "/count");
        String old = browser.cookie;
        String changed = browser.body(b, "/login?user=ada");
        assertEquals("[added user=ada, idChangedAway]", events(b, old));
        assertEquals("[idChanged]", events(b, changed));
        assertEquals("[created, added count=1]", events(a, old));
        assertEquals("[]", events(a, changed));
    }

    /** A value that is a binding listener: bound before it is set, and the one it replaces unbound after. */
    @Test
    void aBindingListenerValueIsToldWhereItIsBoundAndUnbound() {
        Browser browser = new Browser("JSESSIONID");
        browser.body(a, "/bound?text=first");
        browser.body(b, "/bound?text=second");
        assertEquals("[created, first bound, added bound=BoundValue[text=first]]", events(a, browser.cookie));
        assertEquals("[second bound, first unbound, replaced bound=BoundValue[text=first]]",
                events(b, browser.cookie));
    }

    /** As containers do: the failure is logged, the change is kept, and the request goes on. */
    @Test
    void aListenerThatThrowsIsLoggedAndTheChangeIsKept() {
        Browser browser = new Browser("JSESSIONID");
        assertEquals("ok", browser.body(a, "/put?name=failing&value=1"));
        assertEquals("[created, added failing=1]", events(a, browser.cookie));
        assertEquals("1", browser.body(b, "/get?name=failing"));
        String logged = jvms.get(0).awaitErrorLine(line -> line.contains("EventRecorder.attributeAdded failed"),
                "the listener's failure", START_TIMEOUT);
        assertFalse(logged.contains(browser.cookie), "no session id in the log: " + logged);
    }

    /** What the listeners of the instance on {@code port} heard of the session {@code id}. */
    static String events(int port, String id) {
        return new Browser("none").body(port, "/events?id=" + id);
    }

    /** Both requests at once, with the same cookie, on instance a. */
    private static void together(Browser browser, String first, String second) {
        CompletableFuture<String> one = CompletableFuture.supplyAsync(() -> browser.body(a, first));
        CompletableFuture<String> two = CompletableFuture.supplyAsync(() -> browser.body(a, second));
        assertEquals(List.of("ok", "ok"), List.of(one.join(), two.join()));
    }

    private static String key(String id) {
        return "weft:session:{" + id + "}";
    }

    private static boolean existsInRedis(String id) {
        return inRedis(redis -> redis.exists(key(id))) == 1L;
    }

    private static <T> T inRedis(Function<io.lettuce.core.api.sync.RedisCommands<String, String>, T> command) {
        RedisClient client = RedisClient.create(redis.uri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return command.apply(connection.sync());
        } finally {
            client.shutdown();
        }
    }
}
