package dev.weft.runtime.weave.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.weave.ClassFileScan;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import net.bytebuddy.ByteBuddy;
import org.junit.jupiter.api.Test;

/**
 * What the byte scans cost every class the JVM loads, measured over the classes of a big jar (Byte Buddy's own). It
 * prints the figures and asserts nothing about time; a shared machine makes timings noise.
 */
class ClassFileScanCostTest {
    @Test
    void scanningEveryClassOfABigJar() throws IOException {
        List<byte[]> classes = classesOf(ByteBuddy.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        long bytes = classes.stream().mapToLong(c -> c.length).sum();
        JdkClientCallSites callSites = new JdkClientCallSites();
        byte[] handler = ClassFileScan.ascii("(Lcom/sun/net/httpserver/HttpExchange;)V");
        int matched = 0;
        for (int round = 0; round < 5; round++) { // the first rounds warm up
            matched = 0;
            long started = System.nanoTime();
            for (byte[] classFile : classes) {
                matched += callSites.mayApply(classFile) || ClassFileScan.contains(classFile, handler) ? 1 : 0;
            }
            long nanos = System.nanoTime() - started;
            System.out.printf("byte scans: %d classes (%d KB), %.0f ns per class, %.2f ns per byte, %d matched%n",
                    classes.size(), bytes / 1024, nanos / (double) classes.size(), nanos / (double) bytes, matched);
        }
        assertTrue(classes.size() > 1000);
    }

    private static List<byte[]> classesOf(String jarPath) throws IOException {
        List<byte[]> classes = new ArrayList<>();
        try (JarFile jar = new JarFile(jarPath)) {
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                if (entry.getName().endsWith(".class")) {
                    classes.add(jar.getInputStream(entry).readAllBytes());
                }
            }
        }
        return classes;
    }
}
