package dev.weft.runtime.messaging;

import io.lettuce.core.StreamMessage;
import java.util.Map;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stream entry this consumer holds, waiting in its work queue: due at once when just read or claimed, due after a
 * pause when it failed and waits to be tried again. Entries due at the same moment leave in the order they came.
 */
final class Delivery implements Delayed {
    private static final AtomicLong ARRIVALS = new AtomicLong();

    final String entryId;
    final Map<String, String> fields;
    /** How often the group has delivered the entry, this consumer's latest delivery included. */
    final long deliveries;
    /** A retry: it must be delivered again (counting one more delivery in Redis) before it is handled. */
    final boolean redeliverFirst;
    /** Read as new, so it took one of the places the reader keeps for unstarted work. */
    final boolean takesRoom;
    private final long dueNanos;
    private final long arrival = ARRIVALS.incrementAndGet();

    private Delivery(String entryId, Map<String, String> fields, long deliveries, boolean redeliverFirst,
                     boolean takesRoom, long dueNanos) {
        this.entryId = entryId;
        this.fields = fields;
        this.deliveries = deliveries;
        this.redeliverFirst = redeliverFirst;
        this.takesRoom = takesRoom;
        this.dueNanos = dueNanos;
    }

    static Delivery read(StreamMessage<String, String> entry) {
        return new Delivery(entry.getId(), entry.getBody(), 1, false, true, System.nanoTime());
    }

    static Delivery claimed(StreamMessage<String, String> entry, long deliveries) {
        return new Delivery(entry.getId(), entry.getBody(), deliveries, false, false, System.nanoTime());
    }

    Delivery retryIn(long millis) {
        return new Delivery(entryId, fields, deliveries, true, false,
                System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis));
    }

    Delivery redelivered(Map<String, String> currentFields) {
        return new Delivery(entryId, currentFields, deliveries + 1, false, false, System.nanoTime());
    }

    @Override
    public long getDelay(TimeUnit unit) {
        return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
        Delivery that = (Delivery) other;
        int byDue = Long.compare(dueNanos - that.dueNanos, 0);
        return byDue != 0 ? byDue : Long.compare(arrival, that.arrival);
    }
}
