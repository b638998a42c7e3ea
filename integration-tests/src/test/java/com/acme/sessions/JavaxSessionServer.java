package com.acme.sessions;

import com.acme.support.Handshake;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ListenerHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;

/**
 * {@link SessionServer}'s counter and cart on Jetty 9.4 with {@code javax.servlet}, with Jetty's own session handling
 * on ({@code SESSIONS}), a session listener ({@link JavaxEventRecorder}, which Jetty makes) and no Weft in it. Prints
 * {@code LISTENING <port>}; stops when standard input says {@code STOP}.
 */
public final class JavaxSessionServer {
    private JavaxSessionServer() {
    }

    public static void main(String[] args) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.addServlet(CounterServlet.class, "/*");
        context.getServletHandler().addListener(new ListenerHolder(JavaxEventRecorder.class));
        server.setHandler(context);
        server.start();
        Handshake.tell("LISTENING " + connector.getLocalPort());
        Handshake.await("STOP");
        server.stop();
    }

    /**
     * {@code /count} increments {@code count}; {@code /cart?add=x} adds to a list changed in place;
     * {@code /invalidate}; {@code /events?id=} answers what the listener heard of that session.
     */
    public static final class CounterServlet extends HttpServlet {
        @Override
        @SuppressWarnings("unchecked")
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain");
            if (request.getPathInfo().equals("/events")) {
                response.getWriter().print(EventLog.of(request.getParameter("id")));
                return;
            }
            HttpSession session = request.getSession();
            String answer;
            if (request.getPathInfo().equals("/invalidate")) {
                session.invalidate();
                answer = "ok";
            } else if (request.getPathInfo().equals("/count")) {
                Integer count = (Integer) session.getAttribute("count");
                session.setAttribute("count", count == null ? 1 : count + 1);
                answer = String.valueOf(session.getAttribute("count"));
            } else {
                List<String> cart = (List<String>) session.getAttribute("cart");
                if (cart == null) {
                    cart = new ArrayList<>();
                    session.setAttribute("cart", cart);
                }
                cart.add(request.getParameter("add"));
                answer = String.valueOf(cart);
            }
            response.getWriter().print(answer);
        }
    }
}
