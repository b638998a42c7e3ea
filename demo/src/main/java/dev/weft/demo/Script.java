package dev.weft.demo;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What every act prints the same way: its title, the command lines of its two rounds, and its verdict. */
final class Script {
    private Script() {
    }

    /** The title of an act after the first, set apart from the one before. */
    static void title(String text) {
        System.out.println();
        System.out.println("----");
        System.out.println(text);
    }

    /** {@code Round 1, without Weft: java -cp weft-demo.jar <main> ...}, one line per JVM when there are several. */
    static void withoutWeft(List<Class<?>> mains) {
        System.out.println();
        if (mains.size() == 1) {
            System.out.println("Round 1, without Weft: " + command(null, mains.get(0)));
            return;
        }
        System.out.println("Round 1, without Weft:");
        mains.forEach(main -> System.out.println("  " + command(null, main)));
    }

    /** {@code Round 2, with Weft: java -javaagent:<agent>=config=<yaml> -cp weft-demo.jar <main> ...}, likewise. */
    static void withWeft(Map<Class<?>, String> agentArguments) {
        System.out.println();
        if (agentArguments.size() == 1) {
            agentArguments.forEach((main, agent) -> System.out.println("Round 2, with Weft: " + command(agent, main)));
            return;
        }
        System.out.println("Round 2, with Weft, each JVM with its own YAML file:");
        agentArguments.forEach((main, agent) -> System.out.println("  " + command(agent, main)));
    }

    /** {@code -javaagent:<weft-agent.jar>=config=<yaml>}, as a user writes it, without the flag itself. */
    static String agent(Path agentJar, Path config) {
        return agentJar + "=config=" + config;
    }

    private static String command(String agent, Class<?> main) {
        return "java " + (agent == null ? "" : "-javaagent:" + agent + " ") + "-cp weft-demo.jar " + main.getName()
                + " ...";
    }

    /**
     * Prints the act's verdict: a failure when the application broke its invariant even with Weft; otherwise what
     * Weft changed, or, when the application got lucky without it, that it did.
     *
     * @return whether the invariant held with Weft
     */
    static boolean verdict(boolean keptWithout, boolean keptWith, String failure, String lucky, String changed) {
        System.out.println();
        if (!keptWith) {
            System.out.println("FAILED: " + failure);
            return false;
        }
        System.out.println(keptWithout ? lucky : changed);
        return true;
    }
}
