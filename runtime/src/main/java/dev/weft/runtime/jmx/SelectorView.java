package dev.weft.runtime.jmx;

import dev.weft.runtime.weave.Percentiles;

/**
 * One selector of the config and what its woven methods did since start (a row of {@code Agent.Selectors}).
 *
 * @param position    where the rule is written: {@code file:line:column}
 * @param calls       calls of its woven methods, reentrant ones included
 * @param failures    calls Weft failed before the body ran (lock busy with {@code onBusy: throw}, Redis down, ...)
 * @param skipped     calls whose body Weft skipped ({@code onBusy: skip})
 * @param waitTimes   from the call to the body's start, or to Weft giving up: for a lock, taking it
 * @param runTimes    how long bodies ran: for a lock, how long it was held
 */
public record SelectorView(String selector, String position, long wovenMethods, long calls, long failures,
                           long skipped, Percentiles waitTimes, Percentiles runTimes) {
}
