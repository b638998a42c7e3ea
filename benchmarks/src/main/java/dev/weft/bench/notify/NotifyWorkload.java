package dev.weft.bench.notify;

import com.acme.bench.Merchant;
import dev.weft.bench.load.WeftCounters;
import dev.weft.bench.load.Workload;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code notify-call <woven>}: plain calls of {@link Merchant#notifyPaid}, each with a new order (so a new
 * notification id); {@code woven} true when the agent makes them notifications, which is then checked after the run.
 */
public final class NotifyWorkload implements Workload {
    private final Merchant merchant = new Merchant();
    private final AtomicLong orders = new AtomicLong();
    private final boolean woven;

    public NotifyWorkload(boolean woven) {
        this.woven = woven;
    }

    @Override
    public Action forThread(int thread) {
        return () -> merchant.notifyPaid(orders.incrementAndGet());
    }

    @Override
    public void close() {
        if (woven) {
            WeftCounters.requireCounted("Notifications", "Succeeded");
        }
    }
}
