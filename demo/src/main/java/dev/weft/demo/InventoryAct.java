package dev.weft.demo;

import com.acme.inventory.InventoryApp;
import dev.weft.testkit.JavaProcess;
import java.io.IOException;
import java.util.List;
import java.util.Map;
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

        Script.withoutWeft(List.of(InventoryApp.class));
        Outcome plain = new Round(options, stage.work().resolve("round-1")).run(shop -> shop, shops -> { });
        report(plain);

        Script.withWeft(Map.of(InventoryApp.class, Script.agent(options.agentJar(), stage.config())));
        AtomicReference<String> snapshot = new AtomicReference<>();
        Outcome woven = new Round(options, stage.work().resolve("round-2"))
                .run(shop -> stage.attach(shop, stage.config()), shops -> snapshot.set(status(options, shops)));
        report(woven);

        System.out.println();
        System.out.println("java -jar " + options.agentJar() + " status <pid of shop 1>, once it had closed:");
        System.out.print(snapshot.get());
        return Script.verdict(plain.consistent(), woven.consistent(),
                "with Weft the shop should have sold each unit exactly once.",
                "Without Weft the race did not show this time; with Weft it cannot.",
                "Same application, same JVMs; only -javaagent and weft.yaml changed.");
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
