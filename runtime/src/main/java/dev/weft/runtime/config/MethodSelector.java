package dev.weft.runtime.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which methods a rule applies to: {@code [+]Class#method(params)} as SPEC "Method selectors" defines it.
 *
 * <p>Parsed once; the {@code matches...} methods run while classes load, so they neither allocate nor use regular
 * expressions. A bare {@code *} in the parameter list matches any one type, arrays included; {@code *[]} matches any
 * one-dimensional array. A parameter type without a dot matches the end of a name after a {@code .} or {@code $}
 * ({@code Entry} and {@code Map$Entry} both match {@code java.util.Map$Entry}); one with a dot must be the whole name.
 * Names are written as the class file has them: nested classes with {@code $}.
 */
public final class MethodSelector {
    private static final String FORM = "write [+]Class#method(params), e.g. com.acme.OrderService#place(String, int)";

    private final String text;
    private final boolean includeSubtypes;
    private final String typeName;
    private final Glob type;
    private final Glob method;
    /** Null when any parameter list matches. */
    private final List<ParameterPattern> parameters;

    private MethodSelector(String text, boolean includeSubtypes, String typeName, String methodName,
            List<ParameterPattern> parameters) {
        this.text = text;
        this.includeSubtypes = includeSubtypes;
        this.typeName = typeName;
        this.type = new Glob(typeName);
        this.method = new Glob(methodName);
        this.parameters = parameters;
    }

    /** @throws IllegalArgumentException saying what is wrong with {@code text} and how a selector is written */
    public static MethodSelector parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty method selector; " + FORM);
        }
        String selector = text.strip();
        boolean includeSubtypes = selector.startsWith("+");
        String rest = includeSubtypes ? selector.substring(1) : selector;
        int hash = rest.indexOf('#');
        if (hash < 0) {
            throw bad(selector, "there is no '#' between the class and the method");
        }
        if (rest.indexOf('#', hash + 1) >= 0) {
            throw bad(selector, "there is more than one '#'");
        }
        String typeName = rest.substring(0, hash);
        String methodAndParameters = rest.substring(hash + 1);
        int open = methodAndParameters.indexOf('(');
        String methodName = open < 0 ? methodAndParameters : methodAndParameters.substring(0, open);
        if (typeName.isEmpty()) {
            throw bad(selector, "there is no class before '#' (write * for any class)");
        }
        checkName(selector, typeName, "class name", true);
        if (methodName.isEmpty()) {
            throw bad(selector, "there is no method name after '#' (write * for any method)");
        }
        List<ParameterPattern> parameters = open < 0
                ? noParameterList(selector, methodAndParameters)
                : parameterList(selector, methodAndParameters.substring(open));
        if (methodName.indexOf('.') >= 0) {
            throw bad(selector, "the method name '" + methodName + "' contains '.'; put the class before '#'");
        }
        checkName(selector, methodName, "method name", true);
        return new MethodSelector(selector, includeSubtypes, typeName, methodName, parameters);
    }

    public String text() {
        return text;
    }

    /** Written with a leading {@code +}: subtypes of the class match as well. */
    public boolean includeSubtypes() {
        return includeSubtypes;
    }

    /** @param binaryName as in a class file, dotted: {@code com.acme.Outer$Inner} */
    public boolean matchesTypeName(String binaryName) {
        return type.matches(binaryName);
    }

    /** The class name when it has no wildcard, so it can be checked to exist at start-up. */
    public Optional<String> exactTypeName() {
        return type.hasWildcard() ? Optional.empty() : Optional.of(typeName);
    }

    /** Never matches constructors or static initialisers. */
    public boolean matchesMethodName(String name) {
        return !name.startsWith("<") && method.matches(name);
    }

    /** @param parameterTypeNames in Java source form: {@code int}, {@code java.lang.String[]}, {@code a.Outer$Inner} */
    public boolean matchesParameters(List<String> parameterTypeNames) {
        if (parameters == null) {
            return true;
        }
        if (parameters.size() != parameterTypeNames.size()) {
            return false;
        }
        for (int i = 0; i < parameters.size(); i++) {
            if (!parameters.get(i).matches(parameterTypeNames.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static List<ParameterPattern> noParameterList(String selector, String methodPart) {
        if (methodPart.indexOf(')') >= 0) {
            throw bad(selector, "')' without '('");
        }
        return null;
    }

    private static List<ParameterPattern> parameterList(String selector, String list) {
        int close = list.lastIndexOf(')');
        if (close < 0) {
            throw bad(selector, "'(' without ')'");
        }
        if (close != list.length() - 1) {
            throw bad(selector, "'" + list.substring(close + 1) + "' after ')'; the parameter list ends the selector");
        }
        String inner = list.substring(1, close).strip();
        if (inner.indexOf('(') >= 0 || inner.indexOf(')') >= 0) {
            throw bad(selector, "unbalanced parentheses in the parameter list");
        }
        if (inner.equals("..")) {
            return null;
        }
        List<ParameterPattern> patterns = new ArrayList<>();
        if (inner.isEmpty()) {
            return patterns;
        }
        for (String element : inner.split(",", -1)) {
            patterns.add(parameter(selector, element.strip()));
        }
        return List.copyOf(patterns);
    }

    private static ParameterPattern parameter(String selector, String element) {
        if (element.isEmpty()) {
            throw bad(selector, "an empty parameter type between commas");
        }
        if (element.equals("..")) {
            throw bad(selector, "'..' stands for the whole list; write (..) alone");
        }
        if (element.endsWith("...")) {
            throw bad(selector, "write varargs as an array, " + element.replace("...", "[]") + ", not " + element);
        }
        String base = element;
        int dimensions = 0;
        while (base.endsWith("[]")) {
            base = base.substring(0, base.length() - 2);
            dimensions++;
        }
        if (base.indexOf('[') >= 0 || base.indexOf(']') >= 0) {
            throw bad(selector, "malformed array brackets in '" + element + "'; write for example String[]");
        }
        if (base.equals("*")) {
            return new ParameterPattern(null, dimensions);
        }
        checkName(selector, base, "parameter type", false);
        return new ParameterPattern(base, dimensions);
    }

    /** Dotted Java names, optionally with {@code *} wildcards; nested classes are separated with {@code $}. */
    private static void checkName(String selector, String name, String what, boolean wildcards) {
        if (name.chars().anyMatch(Character::isWhitespace)) {
            throw bad(selector, "whitespace inside the " + what + " '" + name + "'");
        }
        if (name.indexOf('<') >= 0 || name.indexOf('>') >= 0) {
            throw bad(selector, "generic type arguments are not part of a selector; write List, not List<String>");
        }
        for (String part : name.split("\\.", -1)) {
            if (part.isEmpty()) {
                throw bad(selector, "the " + what + " '" + name + "' has an empty part between dots");
            }
            for (int i = 0; i < part.length(); i++) {
                char c = part.charAt(i);
                boolean allowed = (wildcards && c == '*')
                        || (i == 0 ? Character.isJavaIdentifierStart(c) : Character.isJavaIdentifierPart(c));
                if (!allowed) {
                    throw bad(selector, "'" + c + "' is not allowed in the " + what + " '" + name + "'"
                            + (c == '*' ? " (in parameter types * stands alone, for any one type)" : ""));
                }
            }
        }
    }

    private static IllegalArgumentException bad(String selector, String what) {
        return new IllegalArgumentException("bad method selector '" + selector + "': " + what + "; " + FORM);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MethodSelector that && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
