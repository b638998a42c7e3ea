package dev.weft.bench;

import dev.weft.testkit.RedisServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the numbers were measured on, printed with them: they mean little without it. */
final class Machine {
    private Machine() {
    }

    static String describe() {
        return String.format(Locale.ROOT, "%d CPUs (%s), %s memory, %s %s, %s, %s; load average %.2f",
                Runtime.getRuntime().availableProcessors(), procField("/proc/cpuinfo", "model name"),
                memory(), System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"), redisVersion(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** The redis-server every row starts (PATH, else embedded-redis's), by its own account. */
    private static String redisVersion() {
        try {
            Process version = new ProcessBuilder(RedisServer.binary().toString(), "--version")
                    .redirectErrorStream(true).start();
            String text = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Matcher v = Pattern.compile("v=(\\S+)").matcher(text);
            return "redis-server " + (v.find() ? v.group(1) : "unknown");
        } catch (IOException | RuntimeException e) {
            return "redis-server unknown";
        }
    }

    private static String memory() {
        String kib = procField("/proc/meminfo", "MemTotal").replaceAll("\\D", "");
        return kib.isEmpty() ? "unknown" : Math.round(Long.parseLong(kib) / 1024.0 / 1024.0) + " GiB";
    }

    /** The value of the first {@code name: value} line of a /proc file; "unknown" off Linux. */
    private static String procField(String file, String name) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            return lines.stream().filter(line -> line.startsWith(name)).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
