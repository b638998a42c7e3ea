package dev.weft.runtime.messaging;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a published message carries: one argument, by index ({@code "{0}"}), the method's return value
 * ({@code "{return}"}), or a property path into either ({@code "{0.customer.id}"}, {@code "{return.id}"}), written as
 * JSON by Jackson. Properties are read the way Jackson writes them (getters, record components, public fields), so
 * the payload holds what the consumer's parameter type reads back.
 *
 * @param argument the argument's index, or {@link #RETURN_VALUE}
 */
public record PayloadTemplate(String text, int argument, List<String> path) {
    public static final int RETURN_VALUE = -1;
    private static final Pattern FORM = Pattern.compile("\\{(\\d+|return)((?:\\.[A-Za-z_$][A-Za-z0-9_$]*)*)}");

    public PayloadTemplate {
        path = List.copyOf(path);
    }

    /** @throws IllegalArgumentException saying how to write one */
    public static PayloadTemplate parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a template value; write one argument"
                    + " by index, e.g. \"{0}\", the return value, \"{return}\", or a property path into either,"
                    + " e.g. \"{0.order.id}\"");
        }
        List<String> path = m.group(2).isEmpty() ? List.of() : List.of(m.group(2).substring(1).split("\\."));
        int argument = m.group(1).equals("return") ? RETURN_VALUE : Integer.parseInt(m.group(1));
        return new PayloadTemplate(text, argument, path);
    }

    /** The message is known only once the method has returned. */
    public boolean isReturnValue() {
        return argument == RETURN_VALUE;
    }

    /** {@code argument 0} or {@code the return value}, for messages. */
    String source() {
        return isReturnValue() ? "the return value" : "argument " + argument;
    }
}
