package dev.weft.it.dtx;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the shared transaction log in Redis still holds, read by the test itself over RESP: the keys under
 * {@code weft:tx:} (docs/distributed-tcc.md, Redis layout). A transaction's keys go when it has ended, and a due
 * queue or FAILED set goes when it is empty, so no key at all means every transaction ended and none is FAILED.
 */
final class SharedLog {
    private final int port;

    SharedLog(int port) {
        this.port = port;
    }

    /** The keys of the log, or null when Redis does not answer (restarting). */
    List<String> keys() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write(command("KEYS", "weft:tx:*"));
            out.flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            return readArray(in);
        } catch (IOException notNow) {
            return null;
        }
    }

    /** Waits until the log holds nothing (every transaction ended); fails with what is left after {@code timeout}. */
    void awaitEmpty(Duration timeout, Services services) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> keys = keys();
        while (keys == null || !keys.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the shared log still holds " + keys + " after " + timeout
                        + services.reports());
            }
            Thread.sleep(50);
            keys = keys();
        }
    }

    private static byte[] command(String... words) {
        StringBuilder resp = new StringBuilder("*").append(words.length).append("\r\n");
        for (String word : words) {
            resp.append('$').append(word.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(word)
                    .append("\r\n");
        }
        return resp.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> readArray(InputStream in) throws IOException {
        String header = line(in);
        if (!header.startsWith("*")) {
            throw new IOException("not an array: " + header);
        }
        int n = Integer.parseInt(header.substring(1));
        List<String> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String bulk = line(in);
            int length = Integer.parseInt(bulk.substring(1));
            byte[] data = in.readNBytes(length + 2);
            items.add(new String(data, 0, length, StandardCharsets.UTF_8));
        }
        return items;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
