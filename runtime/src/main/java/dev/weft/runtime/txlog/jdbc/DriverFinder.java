package dev.weft.runtime.txlog.jdbc;

import dev.weft.runtime.txlog.TransactionLogException;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds the JDBC driver for the log's URL on the application's class path. Weft's own class loader cannot see it, and
 * {@code DriverManager} would not help: {@code getConnection} and {@code getDrivers} only hand out drivers that their
 * caller's class loader can load ("No suitable driver"). So the driver is looked up as a service of the system class
 * loader (every driver jar names its driver in {@code META-INF/services/java.sql.Driver}) and called directly.
 */
final class DriverFinder {
    private DriverFinder() {
    }

    /** @throws TransactionLogException when no driver accepts {@code url}, saying where to put one */
    static Driver find(String url, String shownUrl) {
        Driver driver = accepting(url, ServiceLoader.load(Driver.class, ClassLoader.getSystemClassLoader()).iterator());
        if (driver == null) {
            throw new TransactionLogException("no JDBC driver accepts transactions.log.url " + shownUrl + ": put the"
                    + " database's driver jar (for example org.postgresql:postgresql) on the application's class path,"
                    + " where Weft looks for it, or correct the URL");
        }
        return driver;
    }

    private static Driver accepting(String url, Iterator<Driver> drivers) {
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
