package dev.weft.demo;

import dev.weft.testkit.RedisServer;
import dev.weft.testkit.TempDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code java -jar demo/target/weft-demo.jar [--quick] [--agent <weft-agent.jar>]}: starts a redis-server, then runs
 * each {@link Act} (an application, first as is, then with Weft attached by {@code -javaagent} and the act's
 * YAML files) and shows the difference. Exits 1 if an application still broke its invariant with Weft.
 */
public final class DemoMain {
    private static final List<Act> ACTS = List.of(new InventoryAct(), new BankAct(), new RewardsAct());

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
        } catch (IllegalStateException applicationFailed) {
            System.out.println("FAILED: " + applicationFailed.getMessage());
            System.exit(1);
        }
    }

    /** Everything a run writes (configs, logs, stock files) goes to one temporary directory, deleted at the end. */
    private static boolean run(DemoOptions options) throws IOException {
        try (TempDirectory work = TempDirectory.create("weft-demo-"); RedisServer redis = RedisServer.start()) {
            Path config = extract("weft.yaml", work.path());
            System.out.println("redis-server started at " + redis.uri());
            Stage stage = new Stage(options, redis.uri(), config, work.path());
            boolean kept = true;
            for (Act act : ACTS) {
                kept &= act.run(stage);
            }
            return kept;
        }
    }

    /** A packaged config file as a file in {@code dir}, since the agent reads its config from a path. */
    static Path extract(String name, Path dir) throws IOException {
        Path config = dir.resolve(name);
        try (InputStream in = DemoMain.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from weft-demo.jar");
            }
            Files.copy(in, config);
        }
        return config;
    }
}
