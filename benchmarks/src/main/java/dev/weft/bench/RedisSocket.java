package dev.weft.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One command to a redis-server over a plain socket, for the harness, which has no Redis client of its own (the
 * clients live in the worker JVMs): a request in RESP, and the reply's first line or bulk string.
 */
public final class RedisSocket implements AutoCloseable {
    private final Socket socket = new Socket();
    private final InputStream in;

    private RedisSocket(int port, String... command) throws IOException {
        try {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            socket.setSoTimeout(30_000);
            StringBuilder request = new StringBuilder("*" + command.length + "\r\n");
            for (String arg : command) {
                request.append('$').append(arg.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(arg)
                        .append("\r\n");
            }
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            this.in = socket.getInputStream();
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Sends {@code command}; read its reply, then close. */
    public static RedisSocket send(int port, String... command) throws IOException {
        return new RedisSocket(port, command);
    }

    /** The reply's first line, its type character included ({@code :12}, {@code -ERR ...}). */
    public String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0) {
                throw new IOException("connection closed");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    /** A bulk string reply's text. */
    public String bulkString() throws IOException {
        String header = line();
        if (!header.startsWith("$")) {
            throw new IOException("not a bulk string: " + header);
        }
        return new String(in.readNBytes(Integer.parseInt(header.substring(1))), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
