package dev.weft.demo;

import dev.weft.testkit.JavaProcess;
import java.nio.file.Path;

/**
 * What every act runs against.
 *
 * @param redisUri the redis-server the demo started, passed to the applications as {@code WEFT_DEMO_REDIS}
 * @param config   the shop's weft.yaml, as a file (the other acts extract their own YAML files)
 * @param work     a fresh directory for the act's files
 */
record Stage(DemoOptions options, String redisUri, Path config, Path work) {
    /** The application JVM as a user starts it with Weft: {@code -javaagent:<weft-agent.jar>=config=<yaml>}. */
    JavaProcess.Builder attach(JavaProcess.Builder jvm, Path yaml) {
        return jvm.agent(options.agentJar(), "config=" + yaml).env("WEFT_DEMO_REDIS", redisUri);
    }
}
