package dev.weft.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One line of a table: a measurement, or an implementation that this build cannot run yet, with the agent's
 * reason in place of the numbers.
 */
public record Line(Section section, List<String> cells, String unavailable) {
    public static Line measured(Section section, String... cells) {
        if (cells.length != section.columns().size()) {
            throw new IllegalArgumentException(section + " has " + section.columns().size() + " columns, not "
                    + cells.length);
        }
        return new Line(section, List.of(cells), null);
    }

    /** The first two cells (row, implementation) name it; the rest of the line says why it did not run. */
    public static Line unavailable(Section section, String row, String implementation, NotInThisBuild why) {
        List<String> cells = new ArrayList<>(List.of(row, implementation,
                "not available in this build: " + why.getMessage()));
        cells.addAll(Collections.nCopies(section.columns().size() - cells.size(), ""));
        return new Line(section, List.copyOf(cells), why.getMessage());
    }

    public boolean isAvailable() {
        return unavailable == null;
    }
}
