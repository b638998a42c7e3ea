package dev.weft.it.dtx;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the shared transaction log still holds, read by the test itself: in Redis ({@link #redis}), the keys under
 * {@code weft:tx:} (docs/distributed-tcc.md, Redis layout), read over RESP; in a database ({@link #jdbc}), the rows of
 * {@code weft_tcc_tx} and {@code weft_tcc_tx_branch}. A transaction's keys or rows go when it has ended (and in Redis
 * a due queue or FAILED set goes when it is empty), so nothing at all means every transaction ended and none is FAILED.
 */
abstract class SharedLog {
    /** The log in the Redis listening on this port. */
    static SharedLog redis(int port) {
        return new InRedis(port);
    }

    /** The log in this database ({@code transactions.log.type: jdbc}). */
    static SharedLog jdbc(Books.Database db) {
        return new InDatabase(db);
    }

    /** What the log holds, one entry per key or row, or null when the store does not answer (restarting). */
    abstract List<String> keys();

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

    private static final class InDatabase extends SharedLog {
        private final Books.Database db;

        InDatabase(Books.Database db) {
            this.db = db;
        }

        @Override
        List<String> keys() {
            try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
                 Statement statement = c.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT 'tx ' || xid || ' ' || phase FROM weft_tcc_tx"
                         + " UNION ALL SELECT 'branch ' || xid || ' ' || branch_id || ' ' || state"
                         + " FROM weft_tcc_tx_branch")) {
                List<String> keys = new ArrayList<>();
                while (rows.next()) {
                    keys.add(rows.getString(1));
                }
                return keys;
            } catch (SQLException notNow) {
                return null; // not reachable, or no table yet
            }
        }
    }

    private static final class InRedis extends SharedLog {
        private final int port;

        InRedis(int port) {
            this.port = port;
        }

        @Override
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
