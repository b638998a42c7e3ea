package com.acme.http;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;

/** A javax servlet whose GET serves the request a second time, as a forward or an include would. */
public class JavaxServlet extends HttpServlet {
    private boolean forwarded;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (!forwarded) {
            forwarded = true;
            service(request, response);
        }
    }
}
