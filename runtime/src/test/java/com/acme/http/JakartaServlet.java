package com.acme.http;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** A jakarta servlet whose GET serves the request a second time, as a forward or an include would. */
public class JakartaServlet extends HttpServlet {
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
