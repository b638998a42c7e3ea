package dev.weft.runtime.jmx;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;

/**
 * Flat records as CompositeData, for notification user data, where the MXBean framework does not convert. Item
 * names and types are those the same record has as an MXBean attribute.
 */
final class OpenRecords {
    private static final Map<Class<?>, SimpleType<?>> TYPES = Map.of(
            String.class, SimpleType.STRING,
            long.class, SimpleType.LONG,
            int.class, SimpleType.INTEGER,
            boolean.class, SimpleType.BOOLEAN,
            double.class, SimpleType.DOUBLE);

    private OpenRecords() {
    }

    static CompositeData toCompositeData(Record record) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        String[] names = new String[components.length];
        OpenType<?>[] types = new OpenType<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            names[i] = components[i].getName();
            types[i] = TYPES.get(components[i].getType());
            if (types[i] == null) {
                throw new IllegalArgumentException(record.getClass().getName() + "." + names[i] + " is a "
                        + components[i].getType().getName() + "; only strings, longs, ints, booleans and doubles");
            }
            values[i] = value(record, components[i]);
        }
        try {
            CompositeType type = new CompositeType(record.getClass().getName(), record.getClass().getSimpleName(),
                    names, names, types);
            return new CompositeDataSupport(type, names, values);
        } catch (OpenDataException e) {
            throw new IllegalArgumentException("cannot describe " + record.getClass().getName() + " in JMX", e);
        }
    }

    private static Object value(Record record, RecordComponent component) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalArgumentException("cannot read " + component + " (the record must be public)", e);
        }
    }
}
