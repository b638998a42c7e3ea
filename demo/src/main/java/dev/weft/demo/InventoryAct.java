package dev.weft.demo;

import dev.weft.testkit.JavaProcess;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The overselling shop: several JVMs sell one SKU from a shared stock file, first as is, then with Weft. Ends with
 * {@code weft status} of one shop, taken after it closed and before it exits.
 */
final class InventoryAct implements Act {
    @Override
    public boolean run(Stage stage) throws IOException {
        DemoOptions options = stage.options();
        System.out.printf("Weft demo: %d shops (JVMs) x %d clerks (threads) sell %d units of one SKU; %d orders arrive.%n",
                options.shops(), options.clerks(), options.stock(), options.demand());

        System.out.println();
        System.out.println("Round 1, without Weft: java -cp weft-demo.jar com.acme.inventory.InventoryApp ...");
        Outcome plain = new Round(options, stage.work().resolve("round-1")).run(shop -> shop, shops -> { });
        report(plain);

        System.out.println();
        System.out.println("Round 2, with Weft: java -javaagent:" + options.agentJar() + "=" + stage.agentArgument()
                + " -cp weft-demo.jar com.acme.inventory.InventoryApp ...");
        AtomicReference<String> snapshot = new AtomicReference<>();
        Outcome woven = new Round(options, stage.work().resolve("round-2"))
                .run(shop -> shop.agent(options.agentJar(), stage.agentArgument()).env("WEFT_DEMO_REDIS", stage.redisUri()),
                        shops -> snapshot.set(status(options, shops)));
        report(woven);

        System.out.println();
        System.out.println("java -jar " + options.agentJar() + " status <pid of shop 1>, once it had closed:");
        System.out.print(snapshot.get());

        System.out.println();
        if (!woven.consistent()) {
            System.out.println("FAILED: with Weft the shop should have sold each unit exactly once.");
            return false;
        }
        System.out.println(plain.consistent()
                ? "Without Weft the race did not show this time; with Weft it cannot."
                : "Same application, same JVMs; only -javaagent and weft.yaml changed.");
        return true;
    }

    private static String status(DemoOptions options, List<JavaProcess> shops) {
        return StatusSnapshot.take(options.agentJar(), shops.get(0).pid());
    }

    private static void report(Outcome outcome) {
        for (int s = 0; s < outcome.soldByShop().size(); s++) {
            System.out.printf("  shop %d sold %d%n", s + 1, outcome.soldByShop().get(s));
        }
        if (outcome.failedOrders() > 0) {
            System.out.println("  " + outcome.failedOrders() + " orders failed with an exception");
        }
        System.out.println("  " + outcome.summary());
    }
}
