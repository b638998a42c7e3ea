package dev.weft.testkit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The few administrative commands a fixture sends (CLUSTER MEET, ACL SETUSER, SENTINEL ...), over a plain socket: the
 * testkit stays free of any Redis client library, so it cannot hide the client the tests examine.
 * Replies: a String for simple and bulk strings, a Long for integers, a List for arrays, null for nil.
 */
public final class Resp {
    private static final int READ_TIMEOUT_MILLIS = 10_000;

    private Resp() {
    }

    /** Sends one command to 127.0.0.1:{@code port} and returns its reply; an error reply throws. */
    public static Object call(int port, Object... command) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), READ_TIMEOUT_MILLIS);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(encode(command));
            out.flush();
            return read(new BufferedInputStream(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException("Redis on port " + port + ": " + String.valueOf(command[0]), e);
        }
    }

    /** {@link #call} for a reply that is text. */
    public static String text(int port, Object... command) {
        return String.valueOf(call(port, command));
    }

    private static byte[] encode(Object... command) {
        StringBuilder out = new StringBuilder().append('*').append(command.length).append("\r\n");
        for (Object part : command) {
            byte[] bytes = String.valueOf(part).getBytes(StandardCharsets.UTF_8);
            out.append('$').append(bytes.length).append("\r\n").append(String.valueOf(part)).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Object read(InputStream in) throws IOException {
        int type = in.read();
        String line = line(in);
        switch (type) {
            case '+':
                return line;
            case '-':
                throw new IllegalStateException(line);
            case ':':
                return Long.parseLong(line);
            case '$': {
                int length = Integer.parseInt(line);
                if (length < 0) {
                    return null;
                }
                byte[] bytes = in.readNBytes(length + 2);
                return new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            case '*': {
                int count = Integer.parseInt(line);
                if (count < 0) {
                    return null;
                }
                List<Object> items = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    items.add(read(in));
                }
                return items;
            }
            default:
                throw new IOException("not a RESP2 reply: " + (char) type + line);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\r'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed mid-reply");
            }
            line.write(b);
        }
        in.read(); // '\n'
        return line.toString(StandardCharsets.UTF_8);
    }
}
