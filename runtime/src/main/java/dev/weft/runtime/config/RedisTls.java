package dev.weft.runtime.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code redis.tls}: whom to trust and, for servers that ask for client certificates ({@code tls-auth-clients}), who
 * Weft is. Stores are PKCS#12 or JKS files; passwords usually come from {@code ${ENV}}.
 */
public record RedisTls(Optional<Path> trustStore, String trustStorePassword, Optional<Path> keyStore,
                       String keyStorePassword) {
}
