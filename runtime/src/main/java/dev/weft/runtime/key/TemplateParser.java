package dev.weft.runtime.key;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Splits a key template into literal text and placeholders, rejecting anything SPEC "Lock key templates" lacks. */
final class TemplateParser {
    private static final String FORMS = "write {0} for the first argument, {1.customer.id} for a property of the"
            + " second, or {orderId} for an argument by name";

    private final String text;
    private final List<String> literals = new ArrayList<>();
    private final List<Placeholder> placeholders = new ArrayList<>();

    private TemplateParser(String text) {
        this.text = text;
    }

    static KeyTemplate parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("empty lock key template; write for example \"order:{0}\"");
        }
        TemplateParser parser = new TemplateParser(text);
        parser.split();
        parser.checkSeparated();
        return new KeyTemplate(text, parser.literals, parser.placeholders);
    }

    private void split() {
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            boolean doubled = i + 1 < text.length() && text.charAt(i + 1) == c;
            if ((c == '{' || c == '}') && doubled) {
                literal.append(c);
                i += 2;
            } else if (c == '}') {
                throw bad("the '}' at position " + (i + 1) + " closes nothing; write }} for a literal '}'");
            } else if (c == '{') {
                int close = placeholderEnd(i);
                placeholders.add(placeholder(text.substring(i + 1, close)));
                literals.add(literal.toString());
                literal.setLength(0);
                i = close + 1;
            } else {
                literal.append(c);
                i++;
            }
        }
        literals.add(literal.toString());
    }

    private int placeholderEnd(int open) {
        int close = text.indexOf('}', open);
        int nextOpen = text.indexOf('{', open + 1);
        if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
            throw bad("the '{' at position " + (open + 1) + " is not closed; end the placeholder with '}',"
                    + " or write {{ for a literal '{'");
        }
        return close;
    }

    private Placeholder placeholder(String content) {
        String written = "{" + content + "}";
        if (content.isEmpty()) {
            throw bad("empty placeholder {}; " + FORMS);
        }
        if (content.indexOf('(') >= 0 || content.indexOf(')') >= 0) {
            throw bad(written + ": no method calls in key templates, only property paths;"
                    + " write {0.customer} to read getCustomer(), customer() or the field customer");
        }
        if (content.indexOf('[') >= 0 || content.indexOf(']') >= 0) {
            throw bad(written + ": no indexing in key templates, only property paths such as {0.customer.id}");
        }
        if (content.chars().anyMatch(Character::isWhitespace)) {
            throw bad(written + ": no spaces inside a placeholder");
        }
        String[] parts = content.split("\\.", -1);
        if (Arrays.asList(parts).contains("")) {
            throw bad(written + ": a '.' must have a name on each side, as in {0.customer.id}");
        }
        List<String> path = Arrays.asList(parts).subList(1, parts.length);
        for (String property : path) {
            if (!isIdentifier(property)) {
                throw bad(written + ": '" + property + "' is not a property name; only property paths such as"
                        + " {0.customer.id} are allowed (no indexing, no expressions)");
            }
        }
        String root = parts[0];
        if (root.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return new Placeholder(written, index(written, root), null, path);
        }
        if (isIdentifier(root)) {
            return new Placeholder(written, -1, root, path);
        }
        throw bad(written + ": '" + root + "' is neither an argument index nor an argument name; " + FORMS);
    }

    private int index(String written, String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw bad(written + ": argument index " + digits + " is too large");
        }
    }

    /**
     * Values are escaped to letters, digits, {@code . _ - % #}; a literal between two placeholders needs some other
     * character, so where one value ends can always be told from the key. Without it {@code a{0}{1}} would render
     * ("ab", "c") and ("a", "bc") as the same key.
     */
    private void checkSeparated() {
        for (int i = 1; i < placeholders.size(); i++) {
            if (literals.get(i).chars().allMatch(c -> ValueEscaper.canAppearInValue((char) c))) {
                throw bad("put a character such as ':' between " + placeholders.get(i - 1).text() + " and "
                        + placeholders.get(i).text() + " (letters, digits and . _ - % # do not count: escaped values"
                        + " contain them), otherwise different arguments could render the same key");
            }
        }
    }

    private static boolean isIdentifier(String s) {
        return !s.isEmpty() && Character.isJavaIdentifierStart(s.charAt(0))
                && s.chars().skip(1).allMatch(Character::isJavaIdentifierPart);
    }

    private IllegalArgumentException bad(String what) {
        return new IllegalArgumentException("lock key template \"" + text + "\": " + what);
    }
}
