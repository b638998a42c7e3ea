package dev.weft.runtime.config;

import java.time.Duration;

/**
 * One entry of {@code transactions.global:}: a method that begins a global transaction.
 *
 * @param timeout  null to use {@code transactions.timeout}
 * @param position of the list item
 */
public record GlobalRule(MethodSelector selector, Duration timeout, SourcePosition position) {
}
