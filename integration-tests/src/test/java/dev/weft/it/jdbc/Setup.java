package dev.weft.it.jdbc;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** A database and how the application reaches it: the four combinations every barrier test runs on. */
enum Setup {
    H2_DIRECT, H2_HIKARI, POSTGRES_DIRECT, POSTGRES_HIKARI;

    /** A fresh database with account A. */
    TestDatabase database(Path dir) throws SQLException {
        TestDatabase db = name().startsWith("H2") ? TestDatabase.h2(dir) : TestDatabase.postgres();
        return db.withAccount();
    }

    /** {@code BankApp}'s argument. */
    String pool() {
        return name().endsWith("HIKARI") ? "hikari" : "direct";
    }

    /** Every setup. */
    static Stream<Arguments> all() {
        return Stream.of(values()).map(Arguments::of);
    }

    /** Every setup, with the barrier on ({@code true}) and off (the control). */
    static Stream<Arguments> withControls() {
        List<Arguments> runs = new ArrayList<>();
        for (Setup setup : values()) {
            runs.add(Arguments.of(setup, true));
            runs.add(Arguments.of(setup, false));
        }
        return runs.stream();
    }
}
