package dev.weft.runtime.xa;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The {@code xa:} section.
 *
 * @param objectStore Narayana's object store: the transaction log, on disk and fsynced; it must outlive the process
 *                    and belong to this instance alone
 * @param timeout     the default timeout of {@code global} entries
 */
public record XaSettings(Path objectStore, Duration timeout, List<XaRule> global) {
    public XaSettings {
        global = List.copyOf(global);
    }

    static XaSettings none() {
        return new XaSettings(Path.of("weft-xa"), Duration.ofSeconds(60), List.of());
    }

    public boolean isEmpty() {
        return global.isEmpty();
    }
}
