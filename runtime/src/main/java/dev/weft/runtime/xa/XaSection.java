package dev.weft.runtime.xa;

import dev.weft.runtime.config.ConfigSection;
import dev.weft.runtime.config.MethodSelector;
import dev.weft.runtime.config.SectionReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Reads {@code xa:} (docs/xa.md). */
public final class XaSection implements ConfigSection<XaSettings> {
    @Override
    public String key() {
        return "xa";
    }

    @Override
    public List<String> keys() {
        return List.of("objectStore", "timeout", "global");
    }

    @Override
    public XaSettings defaults() {
        return XaSettings.none();
    }

    @Override
    public XaSettings read(SectionReader section) {
        Path objectStore = Path.of(section.optional("objectStore", defaults().objectStore().toString(),
                SectionReader.text()));
        Duration timeout = section.optional("timeout", defaults().timeout(), SectionReader.positiveDuration());
        List<XaRule> global = section.entries("global", "each entry of xa.global", "in an xa.global rule",
                        List.of("method", "timeout")).stream()
                .flatMap(entry -> rule(entry, timeout).stream())
                .toList();
        return new XaSettings(objectStore, timeout, global);
    }

    private static Optional<XaRule> rule(SectionReader entry, Duration defaultTimeout) {
        Optional<MethodSelector> method = entry.required("method", SectionReader.selector(), "add the method whose"
                + " JDBC work commits in one XA transaction, e.g. method: com.acme.TransferService#move(..)");
        Duration timeout = entry.optional("timeout", defaultTimeout, SectionReader.positiveDuration());
        return method.map(selector -> new XaRule(selector, timeout, entry.position()));
    }
}
