package dev.weft.runtime.redis;

import dev.weft.runtime.config.RedisSettings;
import dev.weft.runtime.config.RedisTls;
import dev.weft.testkit.SecuredRedis;
import dev.weft.testkit.SecuredRedisExtension;
import dev.weft.testkit.TestCertificates;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Tests on a {@link SecuredRedis} (TLS only, client certificates, ACL users) as user {@code weft} with exactly the rule
 * docs/redis.md gives ({@link RedisAcl#rule}) for key prefixes starting with {@link #PREFIX}: a command the rule
 * lacks is refused with NOPERM and fails the test.
 */
public final class SecuredSettings {
    public static final String PREFIX = "weft-";
    static final String USER = "weft";
    static final String PASSWORD = "s3cret-pw";
    /** The test's own user, for looks into Redis that Weft's rule does not allow. */
    static final String INSPECTOR = "inspector";
    /** Generous: a JVM's first TLS handshake loads and seeds the JDK's TLS stack, seconds on a loaded machine. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private SecuredSettings() {
    }

    /** A server with user {@code weft} and {@code extraUsers} (full ACL rules). */
    public static SecuredRedisExtension extension(String... extraUsers) {
        String[] users = new String[extraUsers.length + 2];
        users[0] = USER + " on >" + PASSWORD + " " + RedisAcl.rule(PREFIX, false);
        users[1] = INSPECTOR + " on >" + PASSWORD + " ~* &* +@all";
        System.arraycopy(extraUsers, 0, users, 2, extraUsers.length);
        return new SecuredRedisExtension(users);
    }

    /** {@code redis:} for user {@code weft}; {@code keyPrefix} must start with {@link #PREFIX}. */
    public static RedisSettings settings(SecuredRedis redis, String keyPrefix) {
        return new RedisSettings(redis.uri(USER, PASSWORD), List.of(), TIMEOUT, keyPrefix, List.of(),
                Optional.of(tls(redis)));
    }

    public static RedisEndpoint endpoint(SecuredRedis redis) {
        return RedisEndpoint.of(settings(redis, PREFIX));
    }

    /** As the test's own user, who may run anything. */
    public static RedisEndpoint inspector(SecuredRedis redis) {
        return new RedisEndpoint(new RedisDeployment(RedisDeployment.Kind.STANDALONE,
                List.of(redis.uri(INSPECTOR, PASSWORD)), Optional.of(tls(redis))), TIMEOUT);
    }

    static RedisTls tls(SecuredRedis redis) {
        TestCertificates certificates = redis.certificates();
        return new RedisTls(Optional.of(certificates.trustStore()), certificates.password(),
                Optional.of(certificates.clientKeyStore()), certificates.password());
    }
}
