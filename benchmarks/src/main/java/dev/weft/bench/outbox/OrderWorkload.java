package dev.weft.bench.outbox;

import com.acme.bench.HandWrittenOrders;
import com.acme.bench.Order;
import com.acme.bench.Orders;
import dev.weft.bench.WeftYaml;
import dev.weft.bench.load.WeftCounters;
import dev.weft.bench.load.Workload;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The publishing side: each thread places orders through its own connection to the orders database.
 * {@code outbox-order <publisher> <jdbcUrl> <paceMicros> [<redisUri> <streamKey>]}: {@code paceMicros} 0 places them
 * back to back, else one per thread every {@code paceMicros} (the operation then includes the wait, and only the
 * consumer's numbers mean anything); the Redis arguments are the hand-written relay's.
 */
public final class OrderWorkload implements Workload {
    private static final long RELAY_WAIT_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final Publisher publisher;
    private final String jdbcUrl;
    private final String stream;
    private final long paceNanos;
    private final HandWrittenRelay relay;
    private final AtomicLong ids = new AtomicLong();
    private final List<AutoCloseable> services = new ArrayList<>();

    public OrderWorkload(List<String> args) {
        this.publisher = Publisher.valueOf(args.get(0));
        this.jdbcUrl = args.get(1);
        this.paceNanos = TimeUnit.MICROSECONDS.toNanos(Long.parseLong(args.get(2)));
        this.stream = publisher == Publisher.HAND_WRITTEN ? WeftYaml.OUTBOX_STREAM : null;
        try {
            this.relay = publisher == Publisher.HAND_WRITTEN ? new HandWrittenRelay(jdbcUrl, args.get(3), args.get(4))
                    : null;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the orders database " + jdbcUrl + " for the relay", e);
        }
    }

    @Override
    public synchronized Action forThread(int thread) {
        Placing placing = place();
        long[] next = {System.nanoTime()};
        return () -> {
            if (paceNanos > 0) {
                next[0] = Math.max(next[0] + paceNanos, System.nanoTime());
                LockSupport.parkNanos(next[0] - System.nanoTime());
            }
            placing.place(new Order(ids.incrementAndGet(), Order.nowMicros()));
        };
    }

    private Placing place() {
        try {
            if (publisher == Publisher.HAND_WRITTEN) {
                HandWrittenOrders orders = new HandWrittenOrders(jdbcUrl, stream);
                services.add(orders);
                return orders::place;
            }
            Orders orders = new Orders(jdbcUrl);
            services.add(orders);
            return orders::place;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the orders database " + jdbcUrl, e);
        }
    }

    @FunctionalInterface
    private interface Placing {
        void place(Order order) throws SQLException;
    }

    /**
     * Lets each relay send what was committed before the JVM exits, as a graceful shutdown would, so that the
     * consumer can wait for every order: the hand-written relay relays the rest itself; Weft's is waited for until it
     * relayed every message published ({@code dev.weft:type=Messages}), at most {@link #RELAY_WAIT_NANOS}.
     */
    @Override
    public void close() throws Exception {
        if (publisher == Publisher.WEFT) {
            WeftCounters.requireCounted("Messages", "Published");
            long deadline = System.nanoTime() + RELAY_WAIT_NANOS;
            while (WeftCounters.read("Messages", "Relayed") < WeftCounters.read("Messages", "Published")
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            System.out.println("COUNT relayed " + WeftCounters.read("Messages", "Relayed"));
        }
        if (relay != null) {
            relay.close();
        }
        for (AutoCloseable service : services) {
            service.close();
        }
        System.out.println("COUNT placed " + ids.get());
        System.out.flush();
    }
}
