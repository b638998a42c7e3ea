package dev.weft.runtime.jmx;

import java.util.concurrent.atomic.AtomicLong;
import javax.management.MBeanNotificationInfo;
import javax.management.Notification;
import javax.management.NotificationBroadcasterSupport;
import javax.management.ObjectName;

/**
 * The notifications of one Weft MBean (register it with {@link WeftMBeans#register}). Listeners are called on the
 * sending thread; a remote JMX client's listener only queues, so sending never waits on the network.
 */
public final class WeftNotifier extends NotificationBroadcasterSupport {
    private final ObjectName source;
    private final AtomicLong sequence = new AtomicLong();

    public WeftNotifier(ObjectName source, MBeanNotificationInfo info) {
        super(info);
        this.source = source;
    }

    /**
     * @param details a public record of strings and numbers, sent as CompositeData so that any JMX client, JConsole
     *                included, can read it without Weft's classes
     */
    public void send(String type, String message, Record details) {
        Notification notification = new Notification(type, source, sequence.incrementAndGet(),
                System.currentTimeMillis(), message);
        notification.setUserData(OpenRecords.toCompositeData(details));
        sendNotification(notification);
    }
}
