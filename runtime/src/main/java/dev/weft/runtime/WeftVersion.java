package dev.weft.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The build's version, stamped by Maven resource filtering (the runtime's packages carry no manifest). */
public final class WeftVersion {
    private static final String VERSION = read();

    private WeftVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = WeftVersion.class.getResourceAsStream("weft-version.txt")) {
            return in == null ? "unknown" : new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
