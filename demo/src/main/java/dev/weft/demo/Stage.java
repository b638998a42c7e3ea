package dev.weft.demo;

import java.nio.file.Path;

/**
 * What every act runs against.
 *
 * @param redisUri the redis-server the demo started, passed to the applications as {@code WEFT_DEMO_REDIS}
 * @param config   the shop's weft.yaml, as a file (the bank act extracts its own weft-bank.yaml)
 * @param work     a fresh directory for the act's files
 */
record Stage(DemoOptions options, String redisUri, Path config, Path work) {
    /** {@code -javaagent:<weft-agent.jar>=config=<weft.yaml>}, as a user writes it. */
    String agentArgument() {
        return "config=" + config;
    }
}
