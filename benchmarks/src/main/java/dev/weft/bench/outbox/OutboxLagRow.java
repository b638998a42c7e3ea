package dev.weft.bench.outbox;

import dev.weft.bench.Format;
import dev.weft.bench.Harness;
import dev.weft.bench.Line;
import dev.weft.bench.NotInThisBuild;
import dev.weft.bench.Row;
import dev.weft.bench.Section;
import java.util.List;

/**
 * The lag from commit to consume, at a steady {@value #PER_SECOND} orders a second from one thread (well below what
 * either implementation sustains, so the lag is the path's and not a queue's): the consumer records, per order,
 * its shipping time minus the time its placing began (the wall clock of one machine), so the lag includes the
 * publishing transaction itself (see the cost row). Every order placed must be shipped before the report.
 */
public record OutboxLagRow() implements Row {
    static final int PER_SECOND = 200;

    @Override
    public String id() {
        return "outbox-lag";
    }

    @Override
    public List<Line> run(Harness harness) throws Exception {
        String row = "lag at " + PER_SECOND + " orders/s, 1 publishing thread";
        long paceMicros = 1_000_000 / PER_SECOND;
        Pipeline.Result handWritten = Pipeline.run(harness, id(), Publisher.HAND_WRITTEN, 1, paceMicros, true);
        Line baseline = line(row, Publisher.HAND_WRITTEN, handWritten, handWritten);
        try {
            Pipeline.Result weft = Pipeline.run(harness, id(), Publisher.WEFT, 1, paceMicros, true);
            return List.of(baseline, line(row, Publisher.WEFT, weft, handWritten));
        } catch (NotInThisBuild refused) {
            return List.of(baseline, Line.unavailable(Section.OUTBOX, row, Publisher.WEFT.label(), refused));
        }
    }

    /** A time read from stream entry ids, which only know the millisecond. */
    private static String toMillisecond(long nanos) {
        return nanos < 1_000_000 ? "< 1 ms" : Format.latency(nanos);
    }

    private static Line line(String row, Publisher publisher, Pipeline.Result result, Pipeline.Result handWritten) {
        long p99 = result.shipped().lag().percentile(0.99);
        return Line.measured(Section.OUTBOX, row, publisher.label(), Format.rate(result.placed().perSecond()),
                Format.rate(result.relayedPerSecond()), Format.rate(result.shippedPerSecond()),
                toMillisecond(result.toStream().percentile(0.50)), toMillisecond(result.toStream().percentile(0.99)),
                Format.latency(result.shipped().lag().percentile(0.50)),
                Format.latency(p99), "",
                Format.ratio(p99, handWritten.shipped().lag().percentile(0.99)), Long.toString(result.failures()));
    }
}
