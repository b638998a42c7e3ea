package com.acme.sessions;

import com.acme.support.Handshake;
import java.nio.file.Files;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * An unchanged servlet application with state in its session ({@link SessionServlet}) and a session listener
 * ({@link EventRecorder}, which Tomcat makes) on an embedded Tomcat (jakarta), with no Weft in it. Prints
 * {@code LISTENING <port>} once it takes requests, and stops when standard input says {@code STOP}.
 */
public final class SessionServer {
    private SessionServer() {
    }

    public static void main(String[] args) throws Exception {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("tomcat").toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "session", new SessionServlet());
        context.addApplicationListener(EventRecorder.class.getName());
        context.addServletMappingDecoded("/*", "session");
        tomcat.start();
        Handshake.tell("LISTENING " + connector.getLocalPort());
        Handshake.await("STOP");
        tomcat.stop();
        tomcat.destroy();
    }
}
