package com.acme.stock;

import com.acme.support.Handshake;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decrements stock rows from several threads, one row per way of running a transaction ({@link Variant}), all
 * variants at once (their locks' keys differ). Usage: {@code STOCK_URL=<jdbc url> StockApp <decrements per variant>}; starts on
 * GO, prints {@code DONE <variant> ok=<n> failed=<n>} per variant.
 */
public final class StockApp {
    /** Per variant. */
    static final int THREADS = 2;

    /** How each variant's row is decremented; the row's id is the ordinal plus one. */
    public enum Variant {
        /** {@code @Transactional} on {@link StockService}, behind a CGLIB proxy. */
        CGLIB,
        /** {@code @Transactional} on the {@link Inventory} interface, behind a JDK proxy. */
        JDK_PROXY,
        /** {@code TransactionTemplate} around {@link StockRows#decrement}. */
        TEMPLATE,
        /** Plain JDBC: auto-commit off, {@link JdbcStock#decrement}, then commit. */
        JDBC;

        public long row() {
            return ordinal() + 1;
        }
    }

    public static void main(String[] args) throws Exception {
        int decrements = Integer.parseInt(args[0]);
        try (AnnotationConfigApplicationContext spring = new AnnotationConfigApplicationContext(StockConfig.class)) {
            Inventory inventory = spring.getBean(Inventory.class);
            StockService stock = spring.getBean(StockService.class);
            Handshake.tell("proxies: inventory jdk=" + Proxy.isProxyClass(inventory.getClass()) + ", stock cglib="
                    + (stock.getClass() != StockService.class));
            TransactionTemplate template = spring.getBean(TransactionTemplate.class);
            StockRows rows = spring.getBean(StockRows.class);
            JdbcStock jdbc = spring.getBean(JdbcStock.class);
            DataSource dataSource = spring.getBean(DataSource.class);
            Handshake.readyThenAwaitGo();
            List<Run> runs = new ArrayList<>();
            for (Variant variant : Variant.values()) {
                long id = variant.row();
                Decrement decrement = switch (variant) {
                    case CGLIB -> () -> stock.decrement(id);
                    case JDK_PROXY -> () -> inventory.decrement(id);
                    case TEMPLATE -> () -> template.executeWithoutResult(status -> rows.decrement(id));
                    case JDBC -> () -> {
                        try (Connection connection = dataSource.getConnection()) {
                            connection.setAutoCommit(false);
                            jdbc.decrement(connection, id);
                            connection.commit();
                        }
                    };
                };
                runs.add(new Run(variant, decrement, decrements));
            }
            for (Run run : runs) {
                run.finish();
            }
        }
    }

    interface Decrement {
        void run() throws Exception;
    }

    /** One variant's threads, started at once. */
    private static final class Run {
        private final Variant variant;
        private final AtomicInteger ok = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();
        private final List<Thread> workers = new ArrayList<>();

        Run(Variant variant, Decrement decrement, int decrements) {
            this.variant = variant;
            for (int t = 0; t < THREADS; t++) {
                int share = decrements / THREADS + (t < decrements % THREADS ? 1 : 0);
                workers.add(new Thread(() -> {
                    for (int i = 0; i < share; i++) {
                        try {
                            decrement.run();
                            ok.incrementAndGet();
                        } catch (Exception e) {
                            failed.incrementAndGet();
                            Handshake.tell("ERROR " + variant + " " + e);
                        }
                    }
                }, variant + "-" + t));
            }
            workers.forEach(Thread::start);
        }

        void finish() throws InterruptedException {
            for (Thread worker : workers) {
                worker.join();
            }
            Handshake.tell("DONE " + variant + " ok=" + ok.get() + " failed=" + failed.get());
        }
    }
}
