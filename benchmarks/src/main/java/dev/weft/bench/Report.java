package dev.weft.bench;

import java.util.List;

/** The lines of a run as Markdown tables, one per section, ready to paste into BENCHMARKS.md. */
final class Report {
    private Report() {
    }

    static String markdown(List<Line> lines, String machine) {
        StringBuilder text = new StringBuilder("Measured on: ").append(machine).append('\n');
        for (Section section : Section.values()) {
            List<Line> mine = lines.stream().filter(line -> line.section() == section).toList();
            if (mine.isEmpty()) {
                continue;
            }
            text.append("\n### ").append(section.title()).append("\n\n");
            row(text, section.columns());
            text.append("|---".repeat(section.columns().size())).append("|\n");
            mine.forEach(line -> row(text, line.cells()));
        }
        return text.toString();
    }

    private static void row(StringBuilder text, List<String> cells) {
        text.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }
}
