package dev.weft.runtime.tcc;

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
 * A try's arguments as JSON, for the log: an array with one element per parameter, each written and read as its
 * declared type. Nothing in the data names a class and no default typing is enabled, so the log can never make
 * Weft instantiate a type the try method does not declare.
 */
final class ArgumentCodec {
    /** Jackson's defaults: public getters and setters or fields, creators, records; no polymorphic typing. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String participant;
    private final JavaType[] types;
    private final Parameter[] parameters;
    /** Bound once per parameter: a try call then only serializes. */
    private final ObjectWriter[] writers;
    private final ObjectReader[] readers;

    ArgumentCodec(String participant, Method tryMethod) {
        this.participant = participant;
        this.parameters = tryMethod.getParameters();
        this.types = new JavaType[parameters.length];
        this.writers = new ObjectWriter[parameters.length];
        this.readers = new ObjectReader[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            types[i] = JSON.getTypeFactory().constructType(parameters[i].getParameterizedType());
            writers[i] = JSON.writerFor(types[i]);
            readers[i] = JSON.readerFor(types[i]);
        }
    }

    /**
     * @param check also read each value back as its declared type, to find a parameter that could be written but
     *              not restored before a crash would need it
     * @throws WeftConfigException naming the participant and the parameter that cannot be stored
     */
    String encode(Object[] arguments, boolean check) {
        StringJoiner array = new StringJoiner(",", "[", "]");
        for (int i = 0; i < types.length; i++) {
            try {
                String value = writers[i].writeValueAsString(arguments[i]);
                if (check) {
                    readers[i].readValue(value);
                }
                array.add(value);
            } catch (JsonProcessingException e) {
                throw notStorable(i, e);
            }
        }
        return array.toString();
    }

    /** The arguments of a branch read back from the log. */
    Object[] decode(String json) {
        try {
            JsonNode array = JSON.readTree(json);
            if (!array.isArray() || array.size() != types.length) {
                throw new IllegalArgumentException("the log holds " + array.size() + " argument(s) for " + participant
                        + ", which now has " + types.length + " parameter(s); was the method changed?");
            }
            Object[] arguments = new Object[types.length];
            for (int i = 0; i < types.length; i++) {
                arguments[i] = readers[i].readValue(array.get(i));
            }
            return arguments;
        } catch (IOException e) {
            throw new IllegalArgumentException("the arguments of " + participant + " in the log cannot be read as its"
                    + " parameter types: " + e.getMessage(), e);
        }
    }

    private WeftConfigException notStorable(int index, JsonProcessingException cause) {
        String reason = cause.getOriginalMessage();
        return new WeftConfigException("participant " + participant + ": parameter " + (index + 1) + " '"
                + parameters[index].getName() + "' of type " + types[index].toCanonical() + " cannot be stored as JSON ("
                + reason + "). Confirm and cancel get the try's arguments from the transaction log after a crash, so"
                + " every parameter must be JSON as Jackson binds it by default: public getters and setters or fields"
                + " and a no-argument constructor, or a record. The try did not run");
    }
}
