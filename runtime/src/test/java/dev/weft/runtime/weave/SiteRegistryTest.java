package dev.weft.runtime.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The application thread's context loader while a site runs: the runtime's own, so that Lettuce and Netty find their
 * classes, unless the site sets it itself where it needs it (a lock's reentry does not); and the application's again
 * once the call is over, whether it returned or threw.
 */
class SiteRegistryTest {
    private final ClassLoader application = new URLClassLoader(new URL[0], null);
    private final ClassLoader runtime = RuntimeContextLoader.class.getClassLoader();
    private ClassLoader before;

    @BeforeEach
    void runAsTheApplication() {
        before = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(application);
    }

    @AfterEach
    void restore() {
        Thread.currentThread().setContextClassLoader(before);
    }

    @Test
    void aSiteRunsWithTheRuntimesContextLoaderAndTheApplicationGetsItsOwnBack() {
        LoaderRecordingSite site = new LoaderRecordingSite(false);
        Site registered = register(site);

        Object scope = registered.enter(Object.class, null, new Object[0]);
        registered.exit(scope, null);

        assertEquals(List.of(runtime, runtime), site.seen);
        assertSame(application, Thread.currentThread().getContextClassLoader());
    }

    @Test
    void aSiteThatThrowsStillGivesTheApplicationItsLoaderBack() {
        Site registered = register(new Site() {
            @Override
            public Object enter(Class<?> declaringType, Object self, Object[] arguments) {
                throw new IllegalStateException("refused");
            }

            @Override
            public void exit(Object scope, Throwable thrown) {
            }
        });

        try {
            registered.enter(Object.class, null, new Object[0]);
        } catch (IllegalStateException expected) {
            // the site's own failure
        }
        assertSame(application, Thread.currentThread().getContextClassLoader());
    }

    /** The control: a site that sets the loader itself is called as it is, with the application's loader. */
    @Test
    void aSiteThatSetsTheLoaderItselfIsCalledWithTheApplicationsLoader() {
        LoaderRecordingSite site = new LoaderRecordingSite(true);
        Site registered = register(site);

        Object scope = registered.enter(Object.class, null, new Object[0]);
        registered.exit(scope, null);

        assertEquals(List.of(application, application), site.seen);
    }

    private static Site register(Site site) {
        SiteRegistry registry = new SiteRegistry();
        return registry.get(registry.register(site));
    }

    private static final class LoaderRecordingSite implements Site {
        private final boolean setsContextLoader;
        final List<ClassLoader> seen = new ArrayList<>();

        LoaderRecordingSite(boolean setsContextLoader) {
            this.setsContextLoader = setsContextLoader;
        }

        @Override
        public boolean setsContextLoader() {
            return setsContextLoader;
        }

        @Override
        public Object enter(Class<?> declaringType, Object self, Object[] arguments) {
            seen.add(Thread.currentThread().getContextClassLoader());
            return "scope";
        }

        @Override
        public void exit(Object scope, Throwable thrown) {
            seen.add(Thread.currentThread().getContextClassLoader());
        }
    }
}
