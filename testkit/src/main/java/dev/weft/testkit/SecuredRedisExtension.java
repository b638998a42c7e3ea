package dev.weft.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension owning one {@link SecuredRedis} per test class, with the JVM's {@link TestCertificates#shared()
 * certificates}. Skips the class,
 * saying why, only when the redis-server binary was built without TLS.
 */
public final class SecuredRedisExtension implements BeforeAllCallback, AfterAllCallback {
    private final String[] users;
    private SecuredRedis redis;

    /** @param users ACL rules as {@link SecuredRedis#start} takes them */
    public SecuredRedisExtension(String... users) {
        this.users = users;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        assumeTrue(SecuredRedis.binarySupportsTls(), () -> RedisServer.binary()
                + " was built without TLS (BUILD_TLS=yes); put a redis-server with TLS on PATH to run this test");
        redis = SecuredRedis.start(TestCertificates.shared(), users);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (redis != null) {
            redis.close();
        }
    }

    public SecuredRedis redis() {
        return redis;
    }
}
