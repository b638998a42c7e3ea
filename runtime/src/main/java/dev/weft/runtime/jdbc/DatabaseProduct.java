package dev.weft.runtime.jdbc;

import java.util.Locale;
import java.util.Optional;

/**
 * The databases Weft writes its own tables to (the barrier, the {@code type: jdbc} transaction log), recognised by
 * {@code DatabaseMetaData.getDatabaseProductName()}. MariaDB speaks MySQL's dialect for everything Weft does.
 */
public enum DatabaseProduct {
    H2, POSTGRESQL, MYSQL;

    /** @return empty for any other database */
    public static Optional<DatabaseProduct> of(String productName) {
        String name = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        return switch (name) {
            case "h2" -> Optional.of(H2);
            case "postgresql" -> Optional.of(POSTGRESQL);
            case "mysql", "mariadb" -> Optional.of(MYSQL);
            default -> Optional.empty();
        };
    }
}
