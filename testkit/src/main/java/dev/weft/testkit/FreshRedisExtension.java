package dev.weft.testkit;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension owning a fresh {@link RedisServer} for each test, for tests that must not see what an earlier test
 * left in Redis: {@code @RegisterExtension final FreshRedisExtension redis = new FreshRedisExtension();}
 * ({@link RedisExtension} shares one server among a class's tests).
 */
public final class FreshRedisExtension implements BeforeEachCallback, AfterEachCallback {
    private final String[] extraArgs;
    private RedisServer server;

    public FreshRedisExtension(String... extraArgs) {
        this.extraArgs = extraArgs;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server = RedisServer.start(extraArgs);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** This test's server. */
    public RedisServer server() {
        return server;
    }
}
