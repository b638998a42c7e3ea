package dev.weft.runtime.config;

/**
 * Where something was written in the YAML file, for messages: {@code file:line:column}, 1-based; or, for what Weft
 * adds by itself, what added it (line 0).
 */
public record SourcePosition(String file, int line, int column) {
    /** For a rule nobody wrote: Weft's own hooks that another feature asked for. */
    public static SourcePosition builtIn(String what) {
        return new SourcePosition("built in: " + what, 0, 0);
    }

    @Override
    public String toString() {
        return line == 0 ? file : file + ":" + line + ":" + column;
    }
}
