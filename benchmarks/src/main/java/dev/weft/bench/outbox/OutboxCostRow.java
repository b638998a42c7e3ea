package dev.weft.bench.outbox;

import dev.weft.bench.Format;
import dev.weft.bench.Harness;
import dev.weft.bench.Line;
import dev.weft.bench.NotInThisBuild;
import dev.weft.bench.Row;
import dev.weft.bench.Section;
import dev.weft.bench.load.LoadResult;
import dev.weft.testkit.RedisServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the outbox adds to each business transaction: the same order insert from one thread with no outbox, with
 * the hand-written one, under Weft, and under Weft with a prepared message instead (issue 16), back to back; no
 * consumer. The relays run, as in production: their
 * deletes and {@code XADD}s share the machine with the transactions. Time per transaction is 1 / tx/s.
 */
public record OutboxCostRow() implements Row {
    @Override
    public String id() {
        return "outbox-cost";
    }

    @Override
    public List<Line> run(Harness harness) throws Exception {
        String row = "one order insert, 1 thread";
        LoadResult none = place(harness, Publisher.NONE);
        List<Line> lines = new ArrayList<>(List.of(line(row, Publisher.NONE, none, none),
                line(row, Publisher.HAND_WRITTEN, place(harness, Publisher.HAND_WRITTEN), none)));
        for (Publisher weft : List.of(Publisher.WEFT, Publisher.WEFT_PREPARED)) {
            try {
                lines.add(line(row, weft, place(harness, weft), none));
            } catch (NotInThisBuild refused) {
                lines.add(Line.unavailable(Section.OUTBOX_COST, row, weft.label(), refused));
            }
        }
        return lines;
    }

    private LoadResult place(Harness harness, Publisher publisher) throws Exception {
        Path dir = Files.createDirectory(harness.scratch().resolve(id() + "-" + publisher.name().toLowerCase()));
        try (RedisServer redis = RedisServer.start()) {
            return publisher.place(harness, dir, redis.uri(), 1, 0);
        }
    }

    private static Line line(String row, Publisher publisher, LoadResult result, LoadResult none) {
        return Line.measured(Section.OUTBOX_COST, row, publisher.label(), Format.rate(result.perSecond()),
                Format.latency(result.p50Nanos()), Format.latency(result.p99Nanos()),
                Format.ratio(none.perSecond(), result.perSecond()), Long.toString(result.failures()));
    }
}
