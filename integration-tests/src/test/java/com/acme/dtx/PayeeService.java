package com.acme.dtx;

import java.nio.file.Files;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * The payee service: accounts {@code b0..b4} in its own database, {@code POST /credit} served by {@link CreditServlet}
 * in an embedded Tomcat (jakarta servlets). Prints {@code LISTENING <port>} (a free loopback port) once it takes
 * requests, and stops when standard input says {@code STOP} or ends.
 */
public final class PayeeService {
    private PayeeService() {
    }

    public static void main(String[] args) throws Exception {
        Ledger ledger = Ledger.fromEnvironment();
        ledger.create("b");
        CreditService credits = new CreditService(ledger);
        Console.awaitWeft();
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("payee-tomcat").toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "credit", new CreditServlet(credits));
        context.addServletMappingDecoded("/credit", "credit");
        tomcat.start();
        Console.tell("LISTENING " + connector.getLocalPort());
        Console.await("STOP");
        tomcat.stop();
        tomcat.destroy();
        Console.tell("STOPPED");
        System.exit(0);
    }
}
