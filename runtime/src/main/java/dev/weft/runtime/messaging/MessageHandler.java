package dev.weft.runtime.messaging;

/**
 * What a consumer does with one message. Returning normally means the message is done and may be acknowledged; that
 * includes a message found to be handled already (a redelivery the inbox recognises), which is not a failure.
 * Throwing means this attempt failed: the message is tried again later, or dead-lettered after the last attempt.
 */
@FunctionalInterface
public interface MessageHandler {
    void handle(Message message) throws Exception;
}
