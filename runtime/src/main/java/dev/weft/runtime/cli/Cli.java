package dev.weft.runtime.cli;

import java.nio.file.Path;

/** {@code java -jar weft-agent.jar <command>}: the operator's commands (SPEC section 5). */
public final class Cli {
    static final String USAGE = String.join("\n",
            "usage: java -jar weft-agent.jar check --config weft.yaml --classpath <app.jar:lib/*>",
            "       java -jar weft-agent.jar status <pid> [--json]");

    private Cli() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    static int run(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println(USAGE);
            return 2;
        }
        if (args[0].equals("check")) {
            String config = option(args, "--config");
            String classPath = option(args, "--classpath");
            if (config == null || classPath == null) {
                System.err.println("check needs --config and --classpath\n" + USAGE);
                return 2;
            }
            return new CheckCommand(System.out).run(Path.of(config), classPath);
        }
        System.err.println("unknown command '" + args[0] + "'\n" + USAGE);
        return 2;
    }

    private static String option(String[] args, String name) {
        for (int i = 1; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return null;
    }
}
