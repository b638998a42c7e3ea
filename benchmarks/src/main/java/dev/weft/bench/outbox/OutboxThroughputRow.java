package dev.weft.bench.outbox;

import dev.weft.bench.Format;
import dev.weft.bench.Harness;
import dev.weft.bench.Line;
import dev.weft.bench.NotInThisBuild;
import dev.weft.bench.Row;
import dev.weft.bench.Section;
import java.util.List;

/**
 * Messages per second from the publisher's commit to the consumer's commit: {@code threads} threads place orders
 * back to back, and the row counts the shipments the consumer committed in the measured window. Hand-written
 * outbox first, then Weft, each on a fresh redis-server and fresh databases.
 */
public record OutboxThroughputRow(int threads) implements Row {
    public static List<OutboxThroughputRow> all() {
        return List.of(new OutboxThroughputRow(1), new OutboxThroughputRow(8));
    }

    @Override
    public String id() {
        return "outbox-" + threads;
    }

    /** CI runs the 1-thread row only: the 8-thread row is the same code. */
    @Override
    public boolean inSmokeRun() {
        return threads == 1;
    }

    @Override
    public List<Line> run(Harness harness) throws Exception {
        String row = "throughput, " + threads + (threads == 1 ? " publishing thread" : " publishing threads");
        Pipeline.Result handWritten = Pipeline.run(harness, id(), Publisher.HAND_WRITTEN, threads, 0, false);
        Line baseline = line(row, Publisher.HAND_WRITTEN, handWritten, handWritten);
        try {
            Pipeline.Result weft = Pipeline.run(harness, id(), Publisher.WEFT, threads, 0, false);
            return List.of(baseline, line(row, Publisher.WEFT, weft, handWritten));
        } catch (NotInThisBuild refused) {
            return List.of(baseline, Line.unavailable(Section.OUTBOX, row, Publisher.WEFT.label(), refused));
        }
    }

    private static Line line(String row, Publisher publisher, Pipeline.Result result, Pipeline.Result handWritten) {
        return Line.measured(Section.OUTBOX, row, publisher.label(), Format.rate(result.placed().perSecond()),
                Format.rate(result.relayedPerSecond()), Format.rate(result.shippedPerSecond()), "", "", "", "",
                Format.ratio(result.shippedPerSecond(), handWritten.shippedPerSecond()), "",
                Long.toString(result.failures()));
    }
}
