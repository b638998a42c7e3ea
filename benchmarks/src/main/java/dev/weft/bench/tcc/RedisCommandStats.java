package dev.weft.bench.tcc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code INFO commandstats} of a redis-server, read over a plain socket: calls by command name. Redis counts the
 * commands a Lua script runs as well as the {@code EVALSHA} that ran it.
 */
final class RedisCommandStats {
    private static final Pattern LINE = Pattern.compile("^cmdstat_([^:]+):calls=(\\d+),.*$", Pattern.MULTILINE);

    private RedisCommandStats() {
    }

    static Map<String, Long> read(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write("INFO commandstats\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            Map<String, Long> calls = new TreeMap<>();
            Matcher line = LINE.matcher(bulkString(socket.getInputStream()));
            while (line.find()) {
                calls.put(line.group(1), Long.parseLong(line.group(2)));
            }
            return calls;
        } catch (IOException e) {
            throw new UncheckedIOException("INFO commandstats on port " + port, e);
        }
    }

    /** {@code after - before} for every command, leaving out the {@code INFO} calls that read them. */
    static Map<String, Long> difference(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> difference = new TreeMap<>();
        after.forEach((command, calls) -> {
            long added = calls - before.getOrDefault(command, 0L);
            if (added > 0 && !command.equals("info")) {
                difference.put(command, added);
            }
        });
        return difference;
    }

    private static String bulkString(InputStream in) throws IOException {
        String header = readLine(in);
        if (!header.startsWith("$")) {
            throw new IOException("not a bulk string: " + header);
        }
        byte[] body = in.readNBytes(Integer.parseInt(header.substring(1)));
        return new String(body, StandardCharsets.UTF_8);
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0) {
                throw new IOException("connection closed");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
