package com.assuregateway.problems.boundary;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import jakarta.ws.rs.core.Response;

/**
 * Errors the servlet container answers itself, before JAX-RS sees the request: above all the 401 and 403 of
 * bearer-token authentication. Mapped as error page in web.xml, so they too are problem+json.
 */
@WebServlet("/problems/error")
public class ErrorPageServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : response.getStatus();
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Response problem = ProblemResponses.forStatus(status, uri == null ? null : uri.toString());
        response.setStatus(status);
        response.setContentType(ProblemResponses.PROBLEM_JSON);
        problem.getStringHeaders().forEach((name, values) -> {
            if (response.getHeader(name) == null && !name.equalsIgnoreCase("Content-Type")) {
                response.setHeader(name, values.get(0));
            }
        });
        response.getWriter().write((String) problem.getEntity());
    }
}
