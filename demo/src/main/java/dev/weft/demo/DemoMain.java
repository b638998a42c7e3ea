package dev.weft.demo;

import dev.weft.testkit.RedisServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code java -jar demo/target/weft-demo.jar [--quick] [--agent <weft-agent.jar>]}: runs the same overselling shop
 * twice against one redis-server it starts itself, first as is, then with Weft attached by {@code -javaagent}
 * and {@code weft.yaml}, and shows the difference. Exits 1 if the shop still oversold with Weft.
 */
public final class DemoMain {
    private DemoMain() {
    }

    public static void main(String[] args) throws IOException {
        DemoOptions options;
        try {
            options = DemoOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("weft-demo: " + e.getMessage() + "\nusage: java -jar weft-demo.jar [--quick] [--agent <weft-agent.jar>]");
            System.exit(2);
            return;
        }
        if (!Files.isRegularFile(options.agentJar())) {
            System.err.println("weft-demo: no agent at " + options.agentJar().toAbsolutePath()
                    + ": build it first (mvn -B -q -DskipTests package) or pass --agent <path>");
            System.exit(2);
        }
        try {
            if (!run(options)) {
                System.exit(1);
            }
        } catch (IllegalStateException shopFailed) {
            System.out.println("FAILED: " + shopFailed.getMessage());
            System.exit(1);
        }
    }

    private static boolean run(DemoOptions options) throws IOException {
        Path work = Files.createTempDirectory("weft-demo-");
        Path config = extractConfig(work);
        System.out.printf("Weft demo: %d shops (JVMs) x %d clerks (threads) sell %d units of one SKU; %d orders arrive.%n",
                options.shops(), options.clerks(), options.stock(), options.demand());

        try (RedisServer redis = RedisServer.start()) {
            System.out.println("redis-server started at " + redis.uri());

            System.out.println();
            System.out.println("Round 1, without Weft: java -cp weft-demo.jar com.acme.inventory.InventoryApp ...");
            Outcome plain = new Round(options, work.resolve("round-1")).run(shop -> shop);
            report(plain);

            String agentArg = "config=" + config;
            System.out.println();
            System.out.println("Round 2, with Weft: java -javaagent:" + options.agentJar() + "=" + agentArg
                    + " -cp weft-demo.jar com.acme.inventory.InventoryApp ...");
            Outcome woven = new Round(options, work.resolve("round-2"))
                    .run(shop -> shop.agent(options.agentJar(), agentArg).env("WEFT_DEMO_REDIS", redis.uri()));
            report(woven);

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

    /** The packaged weft.yaml as a file, since the agent reads its config from a path. */
    private static Path extractConfig(Path dir) throws IOException {
        Path config = dir.resolve("weft.yaml");
        try (InputStream in = DemoMain.class.getResourceAsStream("/weft.yaml")) {
            if (in == null) {
                throw new IllegalStateException("weft.yaml is missing from weft-demo.jar");
            }
            Files.copy(in, config);
        }
        return config;
    }
}
