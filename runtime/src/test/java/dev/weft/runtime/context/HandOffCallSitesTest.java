package dev.weft.runtime.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.weave.HandOffCallSites;
import dev.weft.runtime.weave.SiteRegistry;
import dev.weft.runtime.weave.TestBridge;
import dev.weft.runtime.weave.WeaveStats;
import dev.weft.runtime.weave.Weaver;
import dev.weft.runtime.weave.WeavingLoader;
import dev.weft.runtime.weave.WovenClassLoaders;
import java.lang.instrument.ClassFileTransformer;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Application code ({@code com.acme.handoff.HandsOff}) woven by Weft's own transformer with the hand-off call-site
 * rewrite, as the agent would, and a stand-in for the transaction: a thread-local string.
 */
class HandOffCallSitesTest {
    private static final ThreadLocal<String> CONTEXT = new ThreadLocal<>();
    private static final Supplier<String> READ = CONTEXT::get;
    private static final ClassFileTransformer TRANSFORMER;
    private static final WeavingLoader APPLICATION;

    static {
        SiteRegistry sites = TestBridge.handOffs(new HandOffs(new ThreadLocalCarrier())::handOff);
        TRANSFORMER = new Weaver(List.of(), List.of(new HandOffCallSites()), sites, new WeaveStats(),
                new WovenClassLoaders()).transformer();
        APPLICATION = new WeavingLoader(TRANSFORMER, "com.acme.handoff.");
    }

    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        pool.shutdownNow();
        CONTEXT.remove();
    }

    @Test
    void everyHandOffCarriesTheContextAndThePoolThreadKeepsNothingOfIt() throws Exception {
        CONTEXT.set("tx1");
        List<String> seen = handsOff(APPLICATION).apply(pool, READ);
        assertEquals(13, seen.size(), seen.toString());
        seen.forEach(line -> assertTrue(line.endsWith(" tx1"), line));
        CONTEXT.remove();
        assertNull(pool.submit(READ::get).get(), "the pool thread was left as it was found");
    }

    @Test
    void outsideAnyContextNothingIsCarried() {
        handsOff(APPLICATION).apply(pool, READ).forEach(line -> assertTrue(line.endsWith(" null"), line));
    }

    /** The control: the same code not woven hands off nothing. */
    @Test
    void unwovenCodeCarriesNothing() {
        CONTEXT.set("tx2");
        handsOff(HandOffCallSitesTest.class.getClassLoader()).apply(pool, READ)
                .forEach(line -> assertTrue(line.endsWith(" null"), line));
    }

    @Test
    void jdkClassesAreNeverRewritten() throws Exception {
        for (String jdk : List.of("java/util/concurrent/ThreadPoolExecutor", "java/util/concurrent/CompletableFuture",
                "java/util/concurrent/AbstractExecutorService")) {
            byte[] classFile = WeavingLoader.read(jdk.replace('/', '.'));
            assertNull(TRANSFORMER.transform(null, null, jdk, null, null, classFile), jdk);
            assertNull(APPLICATION.transform(jdk, classFile), jdk);
        }
    }

    @SuppressWarnings("unchecked")
    private static BiFunction<ExecutorService, Supplier<String>, List<String>> handsOff(ClassLoader loader) {
        try {
            return (BiFunction<ExecutorService, Supplier<String>, List<String>>) Class
                    .forName("com.acme.handoff.HandsOff", true, loader).getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The context as Weft's transaction carrier treats its own: bound while the task runs, then removed. */
    private static final class ThreadLocalCarrier implements Carrier {
        @Override
        public Captured capture() {
            String value = CONTEXT.get();
            return value == null ? null : () -> {
                String previous = CONTEXT.get();
                CONTEXT.set(value);
                return () -> CONTEXT.set(previous);
            };
        }
    }
}
