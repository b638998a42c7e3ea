package dev.weft.bench;

import java.util.List;

/** One row of the list, runnable on its own by {@link #id()}; may yield a line per implementation. */
public interface Row {
    String id();

    List<Line> run(Harness harness) throws Exception;

    /** Whether {@code --smoke all} (CI) runs it; a row named on the command line always runs. */
    default boolean inSmokeRun() {
        return true;
    }
}
