package dev.weft.runtime.http;

import java.nio.charset.StandardCharsets;

/**
 * A raw search of a class file's bytes for a name, run for every class the JVM loads before anything is parsed. The
 * names searched for are ASCII, which the constant pool stores byte for byte, so a class whose constant pool mentions
 * one always matches; a match elsewhere (a string constant, say) only costs a needless look by Byte Buddy.
 */
final class ClassFileScan {
    private ClassFileScan() {
    }

    static byte[] ascii(String name) {
        return name.getBytes(StandardCharsets.US_ASCII);
    }

    static boolean contains(byte[] classFile, byte[] name) {
        byte first = name[0];
        int last = classFile.length - name.length;
        outer:
        for (int i = 0; i <= last; i++) {
            if (classFile[i] != first) {
                continue;
            }
            for (int j = 1; j < name.length; j++) {
                if (classFile[i + j] != name[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
