package dev.weft.runtime.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.api.WeftBackendException;
import dev.weft.runtime.config.RedisTls;
import dev.weft.runtime.messaging.Message;
import dev.weft.runtime.messaging.StreamKeys;
import dev.weft.runtime.messaging.StreamPublisher;
import dev.weft.testkit.SecuredRedisExtension;
import dev.weft.testkit.TestCertificates;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * TLS and ACL failures an operator must be able to act on: a server certificate of a CA the trust store does not
 * hold, and an ACL user that lacks a command Weft sends. The controls: the right CA, and the full rule.
 */
class RedisSecurityTest {
    static final String PASSWORD = SecuredSettings.PASSWORD;
    /** The minimal rule without XADD, which publishing a message needs. */
    static final String WITHOUT_XADD = RedisAcl.rule(SecuredSettings.PREFIX, false).replace(" +xadd", "");

    @RegisterExtension
    static final SecuredRedisExtension SECURED = SecuredSettings.extension("weft-less on >" + PASSWORD + " "
            + WITHOUT_XADD);

    @Test
    void aServerCertificateFromAnotherCaFailsTheCallNamingTheUriAndTheCause() {
        TestCertificates certificates = SECURED.redis().certificates();
        String uri = SECURED.redis().uri("weft", PASSWORD);
        try (RedisEndpoint endpoint = endpoint(uri, certificates.otherTrustStore(), certificates)) {
            WeftBackendException refused = assertThrows(WeftBackendException.class,
                    () -> endpoint.call("ping", r -> r.ping()));
            String message = refused.getMessage();
            assertTrue(message.contains(uri.replace("weft:" + PASSWORD + "@", "")), message);
            assertTrue(message.contains("certification path") || message.contains("PKIX"), message);
            assertTrue(!message.contains(PASSWORD), "the password is never shown: " + message);
        }
        try (RedisEndpoint endpoint = endpoint(uri, certificates.trustStore(), certificates)) {
            assertEquals("PONG", endpoint.call("ping", r -> r.ping()), "the control: the right CA");
        }
    }

    @Test
    void anAclUserWithoutACommandWeftSendsGetsAnErrorNamingIt() {
        TestCertificates certificates = SECURED.redis().certificates();
        Message message = new Message("orders", "m1", "{}", 1);
        try (RedisEndpoint endpoint = endpoint(SECURED.redis().uri("weft-less", PASSWORD), certificates.trustStore(),
                certificates)) {
            WeftBackendException refused = assertThrows(WeftBackendException.class,
                    () -> new StreamPublisher(endpoint, new StreamKeys(SecuredSettings.PREFIX), 1000).publish(message));
            assertTrue(refused.getMessage().contains("NOPERM") && refused.getMessage().contains("'xadd'"),
                    refused.getMessage());
        }
        try (RedisEndpoint endpoint = endpoint(SECURED.redis().uri("weft", PASSWORD), certificates.trustStore(),
                certificates)) {
            new StreamPublisher(endpoint, new StreamKeys(SecuredSettings.PREFIX), 1000).publish(message); // the control: full rule
        }
    }

    private static RedisEndpoint endpoint(String uri, Path trustStore, TestCertificates certificates) {
        RedisTls tls = new RedisTls(Optional.of(trustStore), certificates.password(),
                Optional.of(certificates.clientKeyStore()), certificates.password());
        return new RedisEndpoint(new RedisDeployment(RedisDeployment.Kind.STANDALONE, List.of(uri), Optional.of(tls)),
                SecuredSettings.TIMEOUT);
    }
}
