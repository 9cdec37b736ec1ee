package com.assuregateway.problems.boundary;

import com.assuregateway.problems.entity.ProblemType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import jakarta.ws.rs.core.Response;

/**
 * Errors the servlet container answers itself, before or around JAX-RS: the 401 and 403 of bearer-token
 * authentication above all, and anything thrown past every mapper. Mapped as error page in web.xml (each status
 * and {@code java.lang.Throwable}), so they too are problem+json, never the container's HTML page with its
 * server name and stack trace.
 */
@WebServlet("/problems/error")
public class ErrorPageServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String instance = uri == null ? null : uri.toString();
        Object thrown = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        int status = code instanceof Integer value ? value : response.getStatus();
        Response problem;
        if (thrown instanceof Throwable t && com.assuregateway.problems.control.Causes.databaseUnreachable(t)) {
            problem = ProblemResponses.databaseUnreachable(instance);
        } else if (thrown instanceof Throwable || status >= 500 && status != 503) {
            problem = ProblemResponses.of(ProblemType.INTERNAL,
                    Incidents.detail(Incidents.record(thrown instanceof Throwable t ? t : null, instance)), instance);
        } else {
            problem = ProblemResponses.forStatus(status, instance);
        }
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        response.setContentType(ProblemResponses.PROBLEM_JSON);
        problem.getStringHeaders().forEach((name, values) -> {
            if (response.getHeader(name) == null && !name.equalsIgnoreCase("Content-Type")) {
                response.setHeader(name, values.get(0));
            }
        });
        // bytes, not the writer: its default charset is ISO-8859-1, and problem+json is UTF-8 by definition
        response.getOutputStream().write(((String) problem.getEntity()).getBytes(StandardCharsets.UTF_8));
    }
}
