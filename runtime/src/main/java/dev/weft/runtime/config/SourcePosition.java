package dev.weft.runtime.config;

/** Where something was written in the YAML file, for messages: {@code file:line:column}, 1-based. */
public record SourcePosition(String file, int line, int column) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
