package dev.weft.runtime.txlog.jdbc;

import dev.weft.runtime.log.Log;
import dev.weft.runtime.txlog.TransactionLogException;
import java.sql.Driver;
import java.util.List;
import java.util.function.Supplier;

/**
 * The JDBC driver of the log's URL, from where the application keeps it (docs/distributed-tcc.md, "The log's JDBC
 * driver"). First the system class path at start-up, as for any application started with {@code -cp} or a plain
 * {@code -jar}. Failing that, the class loaders of the application's woven classes, at the log's first use: a Spring
 * Boot fat jar keeps its drivers in {@code BOOT-INF/lib}, which only the loader its launcher creates in {@code main}
 * can read, so no loader that exists before {@code main} sees them.
 */
final class LogDriver {
    private final String url;
    private final String shownUrl;
    private final Supplier<List<ClassLoader>> applicationLoaders;
    private volatile Driver driver;

    /**
     * @param atStartUp          the loader looked in now (the system class loader)
     * @param applicationLoaders the loaders looked in at first use, until one has the driver
     */
    LogDriver(String url, String shownUrl, ClassLoader atStartUp, Supplier<List<ClassLoader>> applicationLoaders) {
        this.url = url;
        this.shownUrl = shownUrl;
        this.applicationLoaders = applicationLoaders;
        this.driver = DriverFinder.accepting(url, atStartUp);
    }

    /** Whether the driver was there at start-up, so that the log can be opened before {@code main}. */
    boolean foundAtStartUp() {
        return driver != null;
    }

    /** @throws TransactionLogException when no loader looked in has a driver for the URL, saying where to put one */
    Driver get() {
        Driver found = driver;
        if (found != null) {
            return found;
        }
        synchronized (this) {
            if (driver == null) {
                driver = inApplicationLoaders();
            }
            return driver;
        }
    }

    private Driver inApplicationLoaders() {
        List<ClassLoader> loaders = applicationLoaders.get();
        for (ClassLoader loader : loaders) {
            Driver found = DriverFinder.accepting(url, loader);
            if (found != null) {
                Log.info("the JDBC transaction log at " + shownUrl + " uses " + found.getClass().getName()
                        + " from the application's class loader " + loader.getClass().getName());
                return found;
            }
        }
        throw new TransactionLogException("no JDBC driver accepts transactions.log.url " + shownUrl + ", neither on"
                + " the system class path nor in the class loaders of the application's woven classes (" + loaders.size()
                + " so far): put the database's driver jar (for example org.postgresql:postgresql) on the"
                + " application's class path, where Weft looks for it, or correct the URL");
    }
}
