package dev.weft.runtime.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.weft.api.WeftConfigException;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.StringJoiner;

/**
 * A notification method's arguments as a JSON array, each written and read as its declared parameter type (as TCC
 * stores a try's). Nothing in the data names a class and no default typing is enabled, so a record can never make
 * Weft instantiate a type the method does not declare.
 */
final class CallArguments {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String method;
    private final Parameter[] parameters;
    private final ObjectWriter[] writers;
    private final ObjectReader[] readers;

    CallArguments(Method method) {
        this.method = method.getDeclaringClass().getName() + "#" + method.getName();
        this.parameters = method.getParameters();
        this.writers = new ObjectWriter[parameters.length];
        this.readers = new ObjectReader[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            JavaType type = JSON.getTypeFactory().constructType(parameters[i].getParameterizedType());
            writers[i] = JSON.writerFor(type);
            readers[i] = JSON.readerFor(type);
        }
    }

    /**
     * Also reads each value back, so that a parameter that could be written but not restored stops the call now
     * rather than its retry later.
     *
     * @throws WeftConfigException naming the parameter that cannot be stored; the method did not run
     */
    String encode(Object[] arguments) {
        StringJoiner array = new StringJoiner(",", "[", "]");
        for (int i = 0; i < parameters.length; i++) {
            try {
                String value = writers[i].writeValueAsString(arguments[i]);
                readers[i].readValue(value);
                array.add(value);
            } catch (JsonProcessingException e) {
                throw new WeftConfigException("notification " + method + ": parameter " + (i + 1) + " '"
                        + parameters[i].getName() + "' of type " + parameters[i].getParameterizedType().getTypeName()
                        + " cannot be stored as JSON (" + e.getOriginalMessage() + "). Retries read the arguments"
                        + " back from the store, so every parameter must be JSON as Jackson binds it by default:"
                        + " public getters and setters or fields and a no-argument constructor, or a record. The"
                        + " method did not run");
            }
        }
        return array.toString();
    }

    /** @throws IllegalArgumentException when the stored arguments do not fit the method as it is now */
    Object[] decode(String json) {
        try {
            JsonNode array = JSON.readTree(json);
            if (!array.isArray() || array.size() != parameters.length) {
                throw new IllegalArgumentException("the store holds " + array.size() + " argument(s) for " + method
                        + ", which now has " + parameters.length + " parameter(s); was the method changed?");
            }
            Object[] arguments = new Object[parameters.length];
            for (int i = 0; i < parameters.length; i++) {
                arguments[i] = readers[i].readValue(array.get(i));
            }
            return arguments;
        } catch (IOException e) {
            throw new IllegalArgumentException("the stored arguments of " + method + " cannot be read as its"
                    + " parameter types: " + e.getMessage(), e);
        }
    }
}
