package com.acme.sessions;

import com.acme.support.Handshake;
import io.undertow.Undertow;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentManager;
import java.net.InetSocketAddress;

/**
 * {@link SessionServlet} and its listener ({@link EventRecorder}) on an embedded Undertow (jakarta), with no Weft in
 * it. Prints {@code LISTENING <port>};
 * stops when standard input says {@code STOP}.
 */
public final class UndertowSessionServer {
    private UndertowSessionServer() {
    }

    public static void main(String[] args) throws Exception {
        DeploymentManager deployment = Servlets.defaultContainer().addDeployment(Servlets.deployment()
                .setClassLoader(UndertowSessionServer.class.getClassLoader())
                .setContextPath("/")
                .setDeploymentName("sessions")
                .addServlets(Servlets.servlet("session", SessionServlet.class).addMapping("/*"))
                .addListener(Servlets.listener(EventRecorder.class)));
        deployment.deploy();
        Undertow server = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(deployment.start()).build();
        server.start();
        InetSocketAddress address = (InetSocketAddress) server.getListenerInfo().get(0).getAddress();
        Handshake.tell("LISTENING " + address.getPort());
        Handshake.await("STOP");
        server.stop();
    }
}
