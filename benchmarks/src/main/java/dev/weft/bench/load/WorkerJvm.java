package dev.weft.bench.load;

import dev.weft.bench.Settings;
import dev.weft.testkit.JavaProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How one implementation's worker JVMs are started: its class path and, for Weft, the agent. Every implementation
 * gets the same JVM and the JVM's default flags, so only the lock differs.
 *
 * @param name       for process names and messages
 * @param agentJar   {@code -javaagent} jar, or null
 * @param agentArgs  its options ({@code config=...}), or null
 */
public record WorkerJvm(String name, String classPath, Path agentJar, String agentArgs) {
    public static WorkerJvm plain(String name, String classPath) {
        return new WorkerJvm(name, classPath, null, null);
    }

    public static WorkerJvm withAgent(String name, String classPath, Path agentJar, String agentArgs) {
        return new WorkerJvm(name, classPath, agentJar, agentArgs);
    }

    /** {@link LoadWorker} as worker {@code process} of {@code threads} threads, running {@code workload}. */
    JavaProcess start(int process, Settings settings, int threads, List<String> workload) {
        List<String> args = new ArrayList<>(List.of(
                Long.toString(settings.warmup().toMillis()), Long.toString(settings.measure().toMillis()),
                Integer.toString(threads), Integer.toString(process)));
        args.addAll(workload);
        JavaProcess.Builder jvm = JavaProcess.mainClass(LoadWorker.class.getName())
                .classPath(classPath).name(name + "-" + process).args(args.toArray(String[]::new));
        if (agentJar != null) {
            jvm.agent(agentJar, agentArgs);
        }
        return jvm.start();
    }
}
