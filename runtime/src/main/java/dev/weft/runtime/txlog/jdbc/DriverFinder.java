package dev.weft.runtime.txlog.jdbc;

import dev.weft.runtime.txlog.TransactionLogException;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds the JDBC driver for the log's URL on the application's class path. Weft's own class loader cannot see it, and
 * {@code DriverManager.getConnection} would refuse it anyway ("No suitable driver"): it only hands out drivers that
 * its caller's class loader can load. So the driver is found as a service of the system class loader, or among those
 * the application has registered, and then called directly.
 */
final class DriverFinder {
    private DriverFinder() {
    }

    /** @throws TransactionLogException when no driver accepts {@code url}, saying where to put one */
    static Driver find(String url, String shownUrl) {
        Driver driver = accepting(url, ServiceLoader.load(Driver.class, ClassLoader.getSystemClassLoader()).iterator());
        if (driver == null) {
            driver = accepting(url, Collections.list(DriverManager.getDrivers()).iterator());
        }
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
