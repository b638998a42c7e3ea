package dev.weft.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every benchmark row, each for a fraction of a second, so that the benchmarks cannot rot. Nothing here asserts a
 * timing: a row passes when it produced its numbers, or said plainly that this build cannot run it yet.
 */
class SmokeRunTest {
    @Test
    void everyRowRunsAndProducesItsNumbers() throws Exception {
        List<Line> lines = Bench.run(Layout.fromSystemProperties(), Settings.SMOKE, List.of("all"));
        System.out.println(Report.markdown(lines, "smoke run, numbers meaningless"));

        Set<Section> sections = lines.stream().map(Line::section).collect(Collectors.toSet());
        assertEquals(Set.of(Section.values()), sections, "a section produced no line");
        for (Line line : lines) {
            assertEquals(line.section().columns().size(), line.cells().size(), "cells of " + line);
            if (line.isAvailable()) {
                // Past the row's name and variant: sections lay their numbers out in different columns.
                assertTrue(line.cells().stream().skip(2).anyMatch(cell -> cell.matches(".*\\d.*")),
                        "no number in " + line);
            } else {
                assertTrue(line.unavailable().contains("not available"), "unexplained skip: " + line);
            }
        }
    }
}
