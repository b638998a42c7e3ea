package dev.weft.runtime.notification;

import java.util.concurrent.atomic.AtomicLong;

/** What this process did with notification calls, since it started. */
final class NotificationCounters {
    final AtomicLong recorded = new AtomicLong();
    final AtomicLong succeeded = new AtomicLong();
    final AtomicLong retried = new AtomicLong();
    final AtomicLong failedAttempts = new AtomicLong();
    final AtomicLong deadLettered = new AtomicLong();
}
