package dev.weft.runtime.messaging;

import dev.weft.runtime.failure.Causes;
import dev.weft.runtime.jdbc.AlreadyConsumedException;
import dev.weft.runtime.jdbc.InboxTable;
import dev.weft.runtime.jdbc.WorkScope;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Calls the consumer method with one message's payload, inside a transaction that also records the delivery in
 * {@code weft_inbox}: a message delivered again (a consumer died before its acknowledgement) has no second effect.
 * A method that does no JDBC work has no such transaction: it gets the message at least once.
 */
final class ConsumerHandler implements MessageHandler {
    private final ConsumeRule rule;
    private final ApplicationMethod method;
    private final InboxTable inbox;

    ConsumerHandler(ConsumeRule rule, ApplicationMethod method, InboxTable inbox) {
        this.rule = rule;
        this.method = method;
        this.inbox = inbox;
    }

    @Override
    public void handle(Message message) throws Exception {
        Method resolved = method.resolve().orElseThrow(() -> new IllegalStateException(method.displayName()
                + " is not loaded yet"));
        Object payload = Payloads.read(message.payload(), resolved.getGenericParameterTypes()[0]);
        Object target = method.target(resolved);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(resolved.getDeclaringClass().getClassLoader());
        WorkScope.begin(new InboxWork(inbox, rule.group(), message.id()));
        Throwable thrown = null;
        try {
            resolved.invoke(target, payload);
        } catch (InvocationTargetException e) {
            thrown = e.getCause();
        } finally {
            thread.setContextClassLoader(previous);
            end(thrown);
        }
        if (thrown instanceof Exception exception) {
            throw exception;
        }
        if (thrown instanceof Error error) {
            throw error;
        }
    }

    /** A delivery the inbox already holds was handled before: its repeat is rolled back, and counts as done. */
    private static void end(Throwable thrown) {
        try {
            WorkScope.end(thrown);
        } catch (RuntimeException e) {
            if (thrown == null && !isRepeat(e)) {
                throw e;
            }
        }
    }

    private static boolean isRepeat(Throwable failure) {
        return Causes.any(failure, AlreadyConsumedException.class::isInstance);
    }
}
