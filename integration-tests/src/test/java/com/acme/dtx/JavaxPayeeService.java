package com.acme.dtx;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

/**
 * {@link PayeeService} on a {@code javax.servlet} container: embedded Jetty 9.4, {@code POST /credit} served by
 * {@link JavaxCreditServlet}. Same books, same participant, same lines on standard output.
 */
public final class JavaxPayeeService {
    private JavaxPayeeService() {
    }

    public static void main(String[] args) throws Exception {
        Ledger ledger = Ledger.fromEnvironment();
        ledger.create("b");
        CreditService credits = new CreditService(ledger);
        Console.awaitWeft();
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(new JavaxCreditServlet(credits)), "/credit");
        server.setHandler(context);
        server.start();
        Console.tell("LISTENING " + connector.getLocalPort());
        Console.await("STOP");
        server.stop();
        Console.tell("STOPPED");
        System.exit(0);
    }
}
