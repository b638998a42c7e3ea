package dev.weft.runtime.weave;

import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/** JVM method descriptors, for finding at run time, by reflection, a method a rule matched in a class file. */
public final class Descriptors {
    private Descriptors() {
    }

    /** {@code (Ljava/lang/String;J)V} for {@code void m(String, long)}. */
    public static String of(Method method) {
        return MethodType.methodType(method.getReturnType(), method.getParameterTypes()).toMethodDescriptorString();
    }

    /** The parameter types of a descriptor as a selector names them: {@code [java.lang.String, long[]]}. */
    public static List<String> parameterTypeNames(String descriptor) {
        List<String> names = new ArrayList<>();
        int at = 1; // past '('
        while (descriptor.charAt(at) != ')') {
            int dimensions = 0;
            while (descriptor.charAt(at) == '[') {
                dimensions++;
                at++;
            }
            String name;
            if (descriptor.charAt(at) == 'L') {
                int end = descriptor.indexOf(';', at);
                name = descriptor.substring(at + 1, end).replace('/', '.');
                at = end + 1;
            } else {
                name = primitive(descriptor.charAt(at));
                at++;
            }
            names.add(name + "[]".repeat(dimensions));
        }
        return names;
    }

    private static String primitive(char code) {
        return switch (code) {
            case 'Z' -> "boolean";
            case 'B' -> "byte";
            case 'C' -> "char";
            case 'S' -> "short";
            case 'I' -> "int";
            case 'J' -> "long";
            case 'F' -> "float";
            case 'D' -> "double";
            default -> throw new IllegalArgumentException("not a parameter type in a descriptor: " + code);
        };
    }
}
