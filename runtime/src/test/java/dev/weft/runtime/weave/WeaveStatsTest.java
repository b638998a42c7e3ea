package dev.weft.runtime.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.runtime.config.JdbcSettings;
import dev.weft.runtime.config.MethodSelector;
import dev.weft.runtime.config.SourcePosition;
import dev.weft.runtime.jdbc.JdbcWeaveRule;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WeaveStatsTest {
    @Test
    void onlySelectorsOfTheConfigAreReportedWhenTheyMatchNothing() {
        RuleCheck written = new Written("com.acme.Svc#misspelt");
        List<JdbcWeaveRule> builtIn = JdbcWeaveRule.all(new JdbcSettings(true, Duration.ofHours(1), true,
                new SourcePosition("weft.yaml", 1, 1)));
        WeaveStats stats = new WeaveStats();
        stats.track(written);
        builtIn.forEach(stats::track);

        assertEquals(List.of(written), stats.unmatched().stream().map(SelectorStats::rule).toList());
    }

    /** A selector as the user wrote it in weft.yaml. */
    private record Written(String text) implements RuleCheck {
        @Override
        public MethodSelector selector() {
            return MethodSelector.parse(text);
        }

        @Override
        public SourcePosition position() {
            return new SourcePosition("weft.yaml", 2, 5);
        }

        @Override
        public Optional<String> problemWith(MethodShape method) {
            return Optional.empty();
        }
    }
}
