package dev.weft.demo;

import com.acme.rewards.Books;
import com.acme.rewards.PointsApp;
import com.acme.rewards.ShopApp;
import com.acme.rewards.WalletApp;
import dev.weft.testkit.JavaProcess;
import dev.weft.testkit.Signals;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * One round of act 3: the wallet and the points service, each on its own H2 file database, and the shop, which makes
 * its purchases against them and is killed with kill -9 right after the {@code killAt}-th purchase that went through
 * returned. To show who finishes that purchase, the wallet and the points service are frozen (kill -STOP) from the
 * moment its two tries returned until the shop is dead: nothing of it can happen there while the shop lives. The shop
 * is not restarted; the two services settle, stop, and their books are read.
 */
final class RewardsRound {
    static final long MONEY = Books.MEMBERS * WalletApp.OPENING;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);
    /** The same purchases in both rounds: members and amounts come from this seed. */
    private static final String SEED = "7";
    private static final String PAUSED = "PAUSED ";

    /**
     * How the round ended.
     *
     * @param ok        purchases the shop saw go through
     * @param refused   the shop's REFUSED lines
     * @param victim    the purchase after which the shop was killed
     * @param neverMade purchases the shop did not get to
     * @param atWallet  the victim's phases in the wallet's journal
     * @param atPoints  the victim's phases in the points service's journal
     */
    record Outcome(int ok, List<String> refused, String victim, int neverMade, Books.Totals wallet,
                   Books.Totals points, List<String> atWallet, List<String> atPoints) {
        long total() {
            return wallet.balances() + points.balances();
        }

        /** Nothing frozen or pending, no money made or lost, every purchase that went through confirmed once. */
        boolean consistent() {
            return wallet.held() == 0 && points.held() == 0 && total() == MONEY && wallet.repeated() == 0
                    && points.repeated() == 0 && count(wallet, "DEBIT_CONFIRM") == ok
                    && count(points, "CREDIT_CONFIRM") == ok;
        }

        static int count(Books.Totals books, String phase) {
            return books.phases().getOrDefault(phase, 0);
        }
    }

    private final DemoOptions options;
    private final Path dir;

    RewardsRound(DemoOptions options, Path dir) {
        this.options = options;
        this.dir = dir;
    }

    /**
     * Runs the round, each JVM launched as {@code customise} makes it (given its main class); hands the shop to
     * {@code beforeKill} once it has returned from the victim, while the two services are still frozen.
     */
    Outcome run(BiFunction<Class<?>, JavaProcess.Builder, JavaProcess.Builder> customise,
                Consumer<JavaProcess> beforeKill) throws IOException {
        Files.createDirectories(dir);
        Books walletBooks = new Books(database("wallet", ""));
        Books pointsBooks = new Books(database("points", ""));
        int walletPort = freePort();
        int pointsPort = freePort();
        // All three start at once: the shop needs the services only at its first purchase.
        try (JavaProcess wallet = customise.apply(WalletApp.class, service(WalletApp.class, "wallet", walletPort))
                .start();
             JavaProcess points = customise.apply(PointsApp.class, service(PointsApp.class, "points", pointsPort))
                .start();
             JavaProcess shop = customise.apply(ShopApp.class, JavaProcess.mainClass(ShopApp.class.getName())
                     .name("shop").args(url(walletPort), url(pointsPort), Integer.toString(options.purchases()), SEED)
                     .env("JAVA_TOOL_OPTIONS", "-Dshop.pauseAt=" + options.killAt())).start()) {
            for (JavaProcess service : List.of(wallet, points)) {
                service.awaitLine(line -> line.startsWith("LISTENING "), "LISTENING <port>", START_TIMEOUT);
            }
            shop.awaitLine("READY", START_TIMEOUT);
            System.out.println("  wallet and points started, each with its own H2 database, and the shop, which means to"
                    + " make " + options.purchases() + " purchases, one after another");
            shop.send("open");
            String victim = paused(shop, "before-return");
            Signals.send("STOP", wallet.pid(), points.pid());
            try {
                System.out.println("  " + victim + ": both tries returned; wallet and points frozen (kill -STOP), so"
                        + " that nothing more of " + victim + " can happen there while the shop lives");
                shop.send("go");
                paused(shop, "returned");
                beforeKill.accept(shop);
                Signals.send("KILL", shop.pid());
                int status = shop.awaitExit(RUN_TIMEOUT);
                System.out.println("  the shop returned from " + victim + " and was killed with kill -9 (exit " + status
                        + "); wallet and points go on (kill -CONT); the shop is not restarted");
            } finally {
                Signals.send("CONT", wallet.pid(), points.pid());
            }
            wallet.send("settle");
            points.send("settle");
            wallet.awaitLine("SETTLED", RUN_TIMEOUT);
            points.awaitLine("SETTLED", RUN_TIMEOUT);
            stop("wallet", wallet);
            stop("points", points);

            List<String> shopSaid = shop.stdoutLines();
            int ok = (int) shopSaid.stream().filter(line -> line.startsWith("OK ")).count();
            List<String> refused = shopSaid.stream().filter(line -> line.startsWith("REFUSED ")).toList();
            return new Outcome(ok, refused, victim, options.purchases() - ok - refused.size(), walletBooks.totals(),
                    pointsBooks.totals(), walletBooks.phasesOf(victim), pointsBooks.phasesOf(victim));
        } catch (SQLException e) {
            throw new IllegalStateException("reading the books failed: " + e.getMessage(), e);
        }
    }

    /**
     * A file database, not AUTO_SERVER: only its service opens it, and this JVM only once the service stopped. A
     * service keeps it open ({@code DB_CLOSE_DELAY=-1}) rather than open the file again for each phase.
     */
    private String database(String name, String options) {
        return "jdbc:h2:file:" + dir.resolve(name).toAbsolutePath() + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000" + options;
    }

    private JavaProcess.Builder service(Class<?> main, String name, int port) {
        return JavaProcess.mainClass(main.getName()).name(name).args(database(name, ";DB_CLOSE_DELAY=-1"), Integer.toString(port));
    }

    private static String url(int port) {
        return "http://127.0.0.1:" + port;
    }

    /** A loopback port free now, for a service to listen on. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Waits until the shop pauses at {@code point}; the purchase it paused in. */
    private static String paused(JavaProcess shop, String point) {
        String prefix = PAUSED + point + " ";
        return shop.awaitLine(line -> line.startsWith(prefix), prefix + "<purchase>", RUN_TIMEOUT)
                .substring(prefix.length());
    }

    private static void stop(String name, JavaProcess service) {
        service.send("stop");
        int status = service.awaitExit(RUN_TIMEOUT);
        if (status != 0) {
            throw new IllegalStateException(name + " exited with status " + status + service.report());
        }
    }
}
