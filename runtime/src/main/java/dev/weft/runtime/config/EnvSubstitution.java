package dev.weft.runtime.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Replaces {@code ${NAME}} and {@code ${NAME:-default}} in one YAML value with environment variables, so secrets
 * need not be written in the file or on the command line.
 *
 * <ul>
 *   <li>{@code NAME} is {@code [A-Za-z_][A-Za-z0-9_]*}.</li>
 *   <li>As in a POSIX shell, {@code :-default} applies when the variable is unset <em>or empty</em>. The default is
 *       literal text up to the first {@code }}; it is not substituted again.</li>
 *   <li>{@code $${} is a literal {@code ${}: the only escape. Any other {@code $} is literal text.</li>
 *   <li>The result is never parsed as YAML again, so a variable's value cannot inject keys or structure.</li>
 * </ul>
 */
final class EnvSubstitution {
    private final Map<String, String> env;

    EnvSubstitution(Map<String, String> env) {
        this.env = env;
    }

    /** @throws IllegalArgumentException naming every variable that is unset and has no default, or a malformed one */
    String apply(String text) {
        if (text.indexOf('$') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        List<String> unset = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("$${", i)) {
                out.append("${");
                i += 3;
            } else if (text.startsWith("${", i)) {
                i = substitute(text, i, out, unset);
            } else {
                out.append(text.charAt(i++));
            }
        }
        if (!unset.isEmpty()) {
            throw new IllegalArgumentException(unsetMessage(unset));
        }
        return out.toString();
    }

    /** Substitutes the reference starting at {@code start} and returns the index just after it. */
    private int substitute(String text, int start, StringBuilder out, List<String> unset) {
        int close = text.indexOf('}', start);
        if (close < 0) {
            throw new IllegalArgumentException("'${' without a closing '}'; write ${NAME} or ${NAME:-default}"
                    + " (or $${ for a literal ${)");
        }
        String reference = text.substring(start + 2, close);
        int dash = reference.indexOf(":-");
        String name = dash < 0 ? reference : reference.substring(0, dash);
        if (!isName(name)) {
            throw new IllegalArgumentException("'${" + reference + "}' does not name an environment variable;"
                    + " write ${NAME} or ${NAME:-default} with NAME made of letters, digits and '_'"
                    + " (or $${ for a literal ${)");
        }
        String value = env.get(name);
        if (value == null || (value.isEmpty() && dash >= 0)) {
            if (dash < 0) {
                unset.add(name);
            } else {
                out.append(reference, dash + 2, reference.length());
            }
        } else {
            out.append(value);
        }
        return close + 1;
    }

    private static boolean isName(String name) {
        if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
            return false;
        }
        return name.chars().allMatch(c -> c == '_' || (c < 128 && Character.isLetterOrDigit(c)));
    }

    private static String unsetMessage(List<String> unset) {
        boolean one = unset.size() == 1;
        return (one ? "environment variable " : "environment variables ") + String.join(", ", unset)
                + (one ? " is not set; set it" : " are not set; set them")
                + " before starting the JVM, or give a default: ${" + unset.get(0) + ":-value}";
    }
}
