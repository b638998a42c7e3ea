package dev.weft.runtime.txlog.jdbc;

import java.sql.Driver;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds a JDBC driver for a URL among the drivers one class loader sees. Weft's own class loader sees none, and
 * {@code DriverManager} would not help: {@code getConnection} and {@code getDrivers} only hand out drivers that their
 * caller's class loader can load ("No suitable driver"). So the driver is looked up as a service of the application's
 * loader (every driver jar names its driver in {@code META-INF/services/java.sql.Driver}) and called directly.
 */
final class DriverFinder {
    private DriverFinder() {
    }

    /** The first driver {@code loader} sees that accepts {@code url}, or null. */
    static Driver accepting(String url, ClassLoader loader) {
        Iterator<Driver> drivers = ServiceLoader.load(Driver.class, loader).iterator();
        while (true) {
            Driver driver;
            try {
                if (!drivers.hasNext()) {
                    return null;
                }
                driver = drivers.next();
            } catch (ServiceConfigurationError brokenProvider) {
                continue; // a jar that names a driver it cannot load says nothing about the others
            }
            try {
                if (driver.acceptsURL(url)) {
                    return driver;
                }
            } catch (SQLException | RuntimeException e) {
                // this driver cannot tell; another may
            }
        }
    }
}
