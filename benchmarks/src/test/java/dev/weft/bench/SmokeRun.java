package dev.weft.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every benchmark row of {@code --smoke all}, each for a fraction of a second, so that the benchmarks cannot rot.
 * Nothing here asserts a timing: a row passes when it produced its numbers, or said plainly that this build cannot
 * run it yet. The rows are split in two halves of about a minute each, {@link LockRowsSmokeTest} and
 * {@link OtherRowsSmokeTest}, which the build's two test forks run side by side: numbers measured beside each other
 * mean nothing, and a smoke run's mean nothing anyway.
 */
final class SmokeRun {
    /** The ids of the lock, start-up and per-call rows: the first half. */
    static final Predicate<String> LOCK_ROWS =
            Pattern.compile("(lock|redlock|startup|fastpath)\\b.*").asMatchPredicate();
    static final Set<Section> LOCK_SECTIONS = Set.of(Section.LOCKS, Section.LOCKS_DEPLOYMENTS, Section.STARTUP,
            Section.PER_CALL);

    private SmokeRun() {
    }

    /** Runs the smoke rows whose ids pass {@code ids}; their lines must fill exactly {@code sections}. */
    static void assertRowsRunAndProduceTheirNumbers(Predicate<String> ids, Set<Section> sections) throws Exception {
        List<String> selected = Bench.rows().stream().filter(Row::inSmokeRun).map(Row::id).filter(ids).toList();
        List<Line> lines = Bench.run(Layout.fromSystemProperties(), Settings.SMOKE, selected);
        System.out.println(Report.markdown(lines, "smoke run, numbers meaningless"));

        assertEquals(sections, lines.stream().map(Line::section).collect(Collectors.toSet()), "sections with lines");
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
