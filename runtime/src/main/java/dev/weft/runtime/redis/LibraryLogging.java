package dev.weft.runtime.redis;

import dev.weft.runtime.log.Log;
import io.netty.util.internal.logging.InternalLoggerFactory;
import java.lang.reflect.Field;

/**
 * Keeps the Redis client's libraries off the application's console: Netty and Lettuce log through {@link Log},
 * and slf4j (pulled in by Lettuce, used by Reactor) stays silent.
 *
 * <p>Both settings are global to the Netty and slf4j classes of the runtime's own class loader, which the agent keeps
 * apart from the application's copies, so the application's logging is untouched.
 *
 * <p>Must run before the first Netty or Lettuce class initialises, since each grabs its logger in a static field.
 * Anything in the runtime that uses Lettuce calls {@link #install()} first; repeated calls are free.
 */
public final class LibraryLogging {
    // slf4j 1.7's LoggerFactory states: it starts UNINITIALIZED and ends in NOP_FALLBACK when no binding exists.
    private static final int SLF4J_UNINITIALIZED = 0;
    private static final int SLF4J_NOP_FALLBACK = 4;

    private static boolean installed;

    private LibraryLogging() {
    }

    public static synchronized void install() {
        if (installed) {
            return;
        }
        InternalLoggerFactory.setDefaultFactory(new NettyLogFactory());
        silenceSlf4j();
        installed = true;
    }

    /**
     * Reactor logs through slf4j whenever its API is present. slf4j 1.7 with no binding then prints "SLF4J: Failed
     * to load class ..." on stderr before settling on its no-op logger. Putting it straight into that no-op state
     * gives the same outcome without the noise. A real binding, if the class path ever has one, is left alone.
     */
    private static void silenceSlf4j() {
        ClassLoader loader = LibraryLogging.class.getClassLoader();
        if (loader.getResource("org/slf4j/impl/StaticLoggerBinder.class") != null) {
            return;
        }
        try {
            Field state = Class.forName("org.slf4j.LoggerFactory", true, loader).getDeclaredField("INITIALIZATION_STATE");
            state.setAccessible(true);
            if (state.getInt(null) == SLF4J_UNINITIALIZED) {
                state.setInt(null, SLF4J_NOP_FALLBACK);
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError notSlf4j17) {
            Log.debug("slf4j left as is: " + notSlf4j17);
        }
    }
}
