package dev.weft.runtime.config;

/**
 * One entry of {@code transactions.participants:}.
 *
 * @param confirm  name of the confirm method in the try method's class, with the try method's parameter types
 * @param cancel   name of the cancel method, likewise
 * @param position of the list item
 */
public record ParticipantRule(MethodSelector trySelector, String confirm, String cancel, SourcePosition position) {
}
