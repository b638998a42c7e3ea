package dev.weft.testkit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension owning one {@link RedisServer} per test class:
 * {@code @RegisterExtension static final RedisExtension redis = new RedisExtension();}
 */
public final class RedisExtension implements BeforeAllCallback, AfterAllCallback {
    private final String[] extraArgs;
    private RedisServer server;

    public RedisExtension(String... extraArgs) {
        this.extraArgs = extraArgs;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = RedisServer.start(extraArgs);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
        }
    }

    public RedisServer server() {
        return server;
    }

    public String uri() {
        return server.uri();
    }
}
