package com.acme.rewards;

import com.acme.common.Coordinator;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What the wallet and the points service share: one handler on the JDK's {@link HttpServer}, on a loopback port.
 * Prints {@code LISTENING <port>} once it takes requests. On standard input, {@code settle} waits until a TCC
 * coordinator, if one is attached, has nothing left to finish (then prints {@code SETTLED}); {@code stop}, or the end
 * of input, stops the service.
 */
final class Service {
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(30);

    private Service() {
    }

    static void serve(int port, String path, HttpHandler handler) throws Exception {
        Coordinator.awaitStarted(SETTLE_TIMEOUT);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        ExecutorService workers = Executors.newFixedThreadPool(4);
        server.setExecutor(workers);
        server.createContext(path, handler);
        server.start();
        System.out.println("LISTENING " + server.getAddress().getPort());

        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null && !line.equals("stop"); ) {
            if (line.equals("settle")) {
                Coordinator.awaitSettled(SETTLE_TIMEOUT);
                System.out.println("SETTLED");
            }
        }
        server.stop(0);
        workers.shutdown();
        System.out.println("STOPPED");
        System.exit(0);
    }
}
