package dev.weft.bench.session;

import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * An unchanged servlet application on an embedded Tomcat (jakarta), with no Weft in it: {@link CounterServlet} at
 * {@code /count}, Tomcat's defaults otherwise (its own in-memory sessions when no agent is attached), its base
 * directory the first argument. Prints {@code LISTENING <port>} once it takes requests; the harness kills it when its
 * line is done.
 */
public final class CounterServer {
    private CounterServer() {
    }

    public static void main(String[] args) throws Exception {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(args[0]);
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "counter", new CounterServlet());
        context.addServletMappingDecoded("/count", "counter");
        tomcat.start();
        System.out.println("LISTENING " + connector.getLocalPort());
        System.out.flush();
        tomcat.getServer().await();
    }
}
