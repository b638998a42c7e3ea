package dev.weft.bench;

import java.nio.file.Path;

/** What every row needs: the build, how long to measure, and a scratch directory for configs and apps. */
public record Harness(Layout layout, Settings settings, Path scratch) {
}
