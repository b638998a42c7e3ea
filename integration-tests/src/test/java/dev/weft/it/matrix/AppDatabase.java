package dev.weft.it.matrix;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The H2 database of a running Spring Boot application, read by the test through the application's own H2 driver,
 * taken from its fat jar's {@code BOOT-INF/lib}: the file format and the {@code AUTO_SERVER} protocol are those of that
 * version, not of the H2 on the tests' class path. With {@code AUTO_SERVER} the test connects to the instance that
 * serves the file.
 */
public final class AppDatabase implements AutoCloseable {
    private final URLClassLoader driverLoader;
    private final Connection connection;

    private AppDatabase(URLClassLoader driverLoader, Connection connection) {
        this.driverLoader = driverLoader;
        this.connection = connection;
    }

    /** @param scratch where the driver jar is copied out of the fat jar */
    public static AppDatabase open(Path fatJar, Path database, Path scratch) {
        Path h2 = scratch.resolve("app-h2.jar");
        URLClassLoader loader = null;
        try {
            copyH2(fatJar, h2);
            loader = new URLClassLoader(new URL[] {h2.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            Driver driver = (Driver) loader.loadClass("org.h2.Driver").getDeclaredConstructor().newInstance();
            Properties credentials = new Properties();
            credentials.setProperty("user", "sa");
            credentials.setProperty("password", "");
            return new AppDatabase(loader, driver.connect("jdbc:h2:file:" + database + ";AUTO_SERVER=TRUE",
                    credentials));
        } catch (IOException | ReflectiveOperationException | SQLException e) {
            closeQuietly(loader);
            throw new IllegalStateException("cannot open the application's database " + database, e);
        }
    }

    private static void copyH2(Path fatJar, Path target) throws IOException {
        try (JarFile jar = new JarFile(fatJar.toFile())) {
            JarEntry entry = jar.stream().filter(e -> e.getName().matches("BOOT-INF/lib/h2-[\\d.]+\\.jar"))
                    .findFirst().orElseThrow(() -> new IOException("no BOOT-INF/lib/h2-*.jar in " + fatJar));
            try (InputStream in = jar.getInputStream(entry)) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    public long number(String sql) {
        return Long.parseLong(column(sql).get(0));
    }

    /** The first column of every row, as text. */
    public List<String> column(String sql) {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /**
     * Shuts the database down before the test's temporary directory is deleted. A plain close would leave the file
     * open while the server thread still held the sessions of the stopped applications; it closed the file later,
     * writing into the directory while JUnit deleted it ("Failed to delete temp directory", seen once in CI).
     * Called after the applications are gone.
     */
    @Override
    public void close() {
        try (Statement shutdown = connection.createStatement()) {
            shutdown.execute("SHUTDOWN");
        } catch (SQLException ignored) {
            // already closed by the applications' last session: nothing left to write
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the test is over with it; the application keeps the database
        }
        closeQuietly(driverLoader);
    }

    private static void closeQuietly(URLClassLoader loader) {
        if (loader == null) {
            return;
        }
        try {
            loader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
