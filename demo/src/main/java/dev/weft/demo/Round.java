package dev.weft.demo;

import com.acme.inventory.InventoryApp;
import dev.weft.testkit.JavaProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** One round of the demo: the shops open together on a fresh stock file, sell until the shelf is empty, and close. */
final class Round {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);
    private static final String CLOSED = "CLOSED failed=";

    private final DemoOptions options;
    private final Path dir;

    Round(DemoOptions options, Path dir) {
        this.options = options;
        this.dir = dir;
    }

    /**
     * Runs the shops, each launched as {@code customise} makes it (with the agent, or as is), and hands them to
     * {@code closed} once they have all closed, while they are still running.
     */
    Outcome run(UnaryOperator<JavaProcess.Builder> customise, Consumer<List<JavaProcess>> closed) throws IOException {
        Files.createDirectories(dir);
        Path stockFile = dir.resolve("stock");
        Files.writeString(stockFile, Integer.toString(options.stock()));

        List<JavaProcess> shops = new ArrayList<>();
        try {
            for (int s = 1; s <= options.shops(); s++) {
                shops.add(customise.apply(shop(s, stockFile)).start());
            }
            shops.forEach(shop -> shop.awaitLine("READY", START_TIMEOUT));
            System.out.println("  " + shops.size() + " shops started; opening them all at once");
            shops.forEach(shop -> shop.send("open"));

            shops.forEach(shop -> shop.awaitLine(line -> line.startsWith(CLOSED), "CLOSED", RUN_TIMEOUT));
            closed.accept(shops);
            shops.forEach(shop -> shop.send("bye"));

            int failed = 0;
            List<Integer> sold = new ArrayList<>();
            for (int s = 1; s <= shops.size(); s++) {
                JavaProcess shop = shops.get(s - 1);
                int status = shop.awaitExit(RUN_TIMEOUT);
                if (status != 0) {
                    throw new IllegalStateException("shop " + s + " exited with status " + status + shop.report());
                }
                failed += failedOrders(shop);
                Path sales = salesFile(s);
                sold.add(Files.exists(sales) ? Files.readAllLines(sales).size() : 0);
            }
            return new Outcome(options.stock(), sold, Integer.parseInt(Files.readString(stockFile).trim()), failed);
        } finally {
            shops.forEach(JavaProcess::close);
        }
    }

    private JavaProcess.Builder shop(int number, Path stockFile) {
        return JavaProcess.mainClass(InventoryApp.class.getName())
                .name("shop " + number)
                .args(stockFile.toString(), salesFile(number).toString(),
                        Integer.toString(options.clerks()), Integer.toString(options.ordersPerClerk()));
    }

    private Path salesFile(int shop) {
        return dir.resolve("sales-shop-" + shop);
    }

    /** The shop's count of failed orders; shows its first failure, since a failure in round 2 means a problem. */
    private static int failedOrders(JavaProcess shop) {
        shop.stdoutLines().stream().filter(line -> line.startsWith("order failed:")).findFirst()
                .ifPresent(line -> System.out.println("  " + line));
        String closed = shop.awaitLine(line -> line.startsWith(CLOSED), "CLOSED", Duration.ZERO);
        return Integer.parseInt(closed.substring(CLOSED.length()));
    }
}
