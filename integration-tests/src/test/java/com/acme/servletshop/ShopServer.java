package com.acme.servletshop;

import com.acme.support.Handshake;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * A shop served by servlets on an embedded Tomcat (jakarta), with no Weft in it: {@code POST /stock?sku=} takes one
 * unit ({@link Stock}), {@code POST /orders?id=[&refused=true]} places an order ({@link OrderDesk}). Its state is files
 * in {@code SHOP_DIR}, shared by every instance. Prints {@code LISTENING <port>} once it takes requests, and stops when
 * standard input says {@code STOP}.
 */
public final class ShopServer {
    private ShopServer() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(System.getenv("SHOP_DIR"));
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory(dir, "tomcat").toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "stock", new StockServlet(new Stock(dir)));
        context.addServletMappingDecoded("/stock", "stock");
        Tomcat.addServlet(context, "orders", new OrderServlet(new OrderDesk(new Reservations(dir))));
        context.addServletMappingDecoded("/orders", "orders");
        tomcat.start();
        Handshake.tell("java=" + Runtime.version().feature());
        Handshake.tell("LISTENING " + connector.getLocalPort());
        Handshake.await("STOP");
        tomcat.stop();
        tomcat.destroy();
    }
}
