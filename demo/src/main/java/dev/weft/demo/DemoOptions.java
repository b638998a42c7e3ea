package dev.weft.demo;

import java.nio.file.Path;

/**
 * What the demo runs: {@code [--quick] [--agent <weft-agent.jar>]}.
 *
 * @param agentJar       attached in the second round; by default where the build puts it, relative to the working
 *                       directory, so the README's command works from the repository root
 * @param shops          JVMs per round
 * @param clerks         threads per JVM
 * @param stock          units on the shelf at the start of a round
 * @param ordersPerClerk orders each thread tries to fill; all together they exceed the stock
 * @param banks          JVMs per round of the bank act
 * @param tellers        threads per bank JVM
 * @param transfersPerTeller transfers each teller makes
 * @param purchases      purchases the shop of act 3 means to make, one after another
 * @param killAt         the purchase of act 3 that goes through after which the shop is killed: the {@code killAt}-th
 */
record DemoOptions(Path agentJar, int shops, int clerks, int stock, int ordersPerClerk, int banks, int tellers,
                   int transfersPerTeller, int purchases, int killAt) {
    static final Path DEFAULT_AGENT = Path.of("agent", "target", "weft-agent.jar");

    static DemoOptions parse(String... args) {
        boolean quick = false;
        Path agent = DEFAULT_AGENT;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--agent" -> {
                    if (i + 1 == args.length) {
                        throw new IllegalArgumentException("--agent needs the path of weft-agent.jar");
                    }
                    agent = Path.of(args[++i]);
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        return quick
                ? new DemoOptions(agent, 3, 4, 40, 8, 2, 4, 25, 10, 4)
                : new DemoOptions(agent, 3, 4, 100, 20, 2, 4, 100, 40, 20);
    }

    int demand() {
        return shops * clerks * ordersPerClerk;
    }
}
