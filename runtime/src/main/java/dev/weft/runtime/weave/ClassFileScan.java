package dev.weft.runtime.weave;

import java.nio.charset.StandardCharsets;

/**
 * Whether a class file's constant pool holds a given name, run for every class the JVM loads before anything is
 * parsed. It walks the pool's entries by their tags and compares only UTF-8 entries of the name's exact length, so it
 * never reads the methods' code, which is most of a class file. The names searched for are ASCII, which the pool
 * stores byte for byte. A class file it cannot read is a candidate: Byte Buddy then has the last word.
 */
public final class ClassFileScan {
    private static final int POOL_COUNT = 8;
    private static final int FIRST_ENTRY = 10;

    private ClassFileScan() {
    }

    public static byte[] ascii(String name) {
        return name.getBytes(StandardCharsets.US_ASCII);
    }

    public static boolean contains(byte[] classFile, byte[] name) {
        if (classFile.length < FIRST_ENTRY) {
            return true;
        }
        int count = u2(classFile, POOL_COUNT);
        int at = FIRST_ENTRY;
        for (int index = 1; index < count; index++) {
            if (at >= classFile.length) {
                return true;
            }
            int tag = classFile[at];
            if (tag == 1) { // UTF-8: length, then the bytes
                if (at + 3 > classFile.length) {
                    return true;
                }
                int length = u2(classFile, at + 1);
                if (length == name.length && matches(classFile, at + 3, name)) {
                    return true;
                }
                at += 3 + length;
                continue;
            }
            int size = entrySize(tag);
            if (size < 0) {
                return true;
            }
            at += size;
            if (tag == 5 || tag == 6) {
                index++; // long and double take two slots
            }
        }
        return false;
    }

    /** Bytes of an entry other than UTF-8, tag included; -1 for a tag this JVM's class file format does not have. */
    private static int entrySize(int tag) {
        return switch (tag) {
            case 7, 8, 16, 19, 20 -> 3;      // Class, String, MethodType, Module, Package
            case 15 -> 4;                    // MethodHandle
            case 3, 4, 9, 10, 11, 12, 17, 18 -> 5; // Integer, Float, refs, NameAndType, Dynamic, InvokeDynamic
            case 5, 6 -> 9;                  // Long, Double
            default -> -1;
        };
    }

    private static boolean matches(byte[] classFile, int from, byte[] name) {
        if (from + name.length > classFile.length) {
            return true;
        }
        for (int i = 0; i < name.length; i++) {
            if (classFile[from + i] != name[i]) {
                return false;
            }
        }
        return true;
    }

    private static int u2(byte[] bytes, int at) {
        return (bytes[at] & 0xff) << 8 | bytes[at + 1] & 0xff;
    }
}
