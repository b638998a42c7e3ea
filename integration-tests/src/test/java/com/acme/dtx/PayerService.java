package com.acme.dtx;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The payer service: accounts {@code a0..a4} in its own database, {@code POST /debit} served by the JDK's
 * {@link HttpServer} with {@link DebitHandler}. Prints {@code LISTENING <port>} (a free loopback port) once it takes
 * requests, and stops when standard input says {@code STOP} or ends.
 */
public final class PayerService {
    private PayerService() {
    }

    public static void main(String[] args) throws Exception {
        Ledger ledger = Ledger.fromEnvironment();
        ledger.create("a");
        DebitService debits = new DebitService(ledger);
        Console.awaitWeft();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        ExecutorService workers = Executors.newFixedThreadPool(8);
        server.setExecutor(workers);
        server.createContext("/debit", new DebitHandler(debits));
        server.start();
        Console.tell("LISTENING " + server.getAddress().getPort());
        Console.await("STOP");
        server.stop(0);
        workers.shutdown();
        Console.tell("STOPPED");
        System.exit(0);
    }
}
