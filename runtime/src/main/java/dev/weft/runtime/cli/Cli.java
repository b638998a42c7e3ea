package dev.weft.runtime.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code java -jar weft-agent.jar <command>}: the operator's commands (SPEC section 5). Exit status 0 when all is
 * well, 1 when the command found a problem, 2 when it was called wrongly.
 */
public final class Cli {
    static final int OK = 0;
    static final int PROBLEM = 1;
    static final int USAGE_ERROR = 2;

    static final String USAGE = String.join("\n",
            "usage: java -jar weft-agent.jar check --config weft.yaml --classpath <app.jar:lib/*>",
            "       java -jar weft-agent.jar status <pid> [--json]",
            "       java -jar weft-agent.jar notify replay --config weft.yaml <id>|--all");

    private Cli() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(List.of(args), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        String command = args.isEmpty() ? "" : args.get(0);
        List<String> options = args.isEmpty() ? args : args.subList(1, args.size());
        switch (command) {
            case "check" -> {
                String config = option(options, "--config");
                String classPath = option(options, "--classpath");
                if (config == null || classPath == null) {
                    return usage(err, "check needs --config and --classpath");
                }
                return new CheckCommand(out).run(Path.of(config), classPath);
            }
            case "status" -> {
                List<String> rest = options.stream().filter(o -> !o.equals("--json")).toList();
                if (rest.size() != 1 || !rest.get(0).matches("\\d+")) {
                    return usage(err, "status needs the pid of one running JVM");
                }
                return new StatusCommand(out, err).run(Long.parseLong(rest.get(0)), options.contains("--json"));
            }
            case "notify" -> {
                String config = option(options, "--config");
                List<String> rest = options.stream().filter(o -> !o.equals("--config") && !o.equals(config)).toList();
                if (config == null || rest.size() != 2 || !rest.get(0).equals("replay")) {
                    return usage(err, "notify replay needs --config and one id, or --all");
                }
                String which = rest.get(1);
                return new NotifyCommand(out).replay(Path.of(config),
                        which.equals("--all") ? Optional.empty() : Optional.of(which));
            }
            case "-h", "--help", "help" -> {
                out.println(USAGE);
                return OK;
            }
            default -> {
                return usage(err, command.isEmpty() ? "which command?" : "unknown command '" + command + "'");
            }
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("weft: " + problem + "\n" + USAGE);
        return USAGE_ERROR;
    }

    private static String option(List<String> options, String name) {
        int at = options.indexOf(name);
        return at >= 0 && at + 1 < options.size() ? options.get(at + 1) : null;
    }
}
