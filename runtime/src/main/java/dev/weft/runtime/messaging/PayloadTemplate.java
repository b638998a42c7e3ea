package dev.weft.runtime.messaging;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a published message carries: one argument, by index ({@code "{0}"}), or a property path into it
 * ({@code "{0.customer.id}"}), written as JSON by Jackson. Properties are read the way Jackson writes them
 * (getters, record components, public fields), so the payload holds what the consumer's parameter type reads back.
 *
 * <p>{@code {return}} is not taken yet: the return value does not reach Weft's advice (docs/outbox.md).
 */
public record PayloadTemplate(String text, int argument, List<String> path) {
    private static final Pattern FORM = Pattern.compile("\\{(\\d+)((?:\\.[A-Za-z_$][A-Za-z0-9_$]*)*)}");

    public PayloadTemplate {
        path = List.copyOf(path);
    }

    /** @throws IllegalArgumentException saying how to write one */
    public static PayloadTemplate parse(String text) {
        if (text.startsWith("{return")) {
            throw new IllegalArgumentException("\"" + text + "\": the return value cannot be published by this"
                    + " version; publish an argument or a property of one, e.g. payload: \"{0}\" or \"{0.order}\"");
        }
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a template value; write one argument"
                    + " by index, e.g. \"{0}\", or a property path into it, e.g. \"{0.order.id}\"");
        }
        List<String> path = m.group(2).isEmpty() ? List.of() : List.of(m.group(2).substring(1).split("\\."));
        return new PayloadTemplate(text, Integer.parseInt(m.group(1)), path);
    }
}
