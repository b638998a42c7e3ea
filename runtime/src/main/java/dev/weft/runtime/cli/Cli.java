package dev.weft.runtime.cli;

/** {@code java -jar weft-agent.jar <command>}. */
public final class Cli {
    private Cli() {
    }

    public static void main(String[] args) {
        System.err.println("usage: java -jar weft-agent.jar check --config weft.yaml --classpath <jars> | status <pid>");
        System.exit(2);
    }
}
