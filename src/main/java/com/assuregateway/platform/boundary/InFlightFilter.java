package com.assuregateway.platform.boundary;

import com.assuregateway.settings.control.ShutdownSettings;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * Counts every request of this application while it runs ({@link RequestsInFlight}), so a SIGTERM waits for
 * them. While the instance drains, answers carry {@code Connection: close} (a kept-alive connection would bring
 * the next request back here); once it is closed, a new request gets 503 with Retry-After at once.
 */
@WebFilter(urlPatterns = "/*")
public class InFlightFilter extends HttpFilter {

    @Inject
    RequestsInFlight requests;

    @Inject
    @ConfigProperties
    ShutdownSettings settings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        RequestsInFlight.Phase phase = requests.phase();
        if (phase == RequestsInFlight.Phase.CLOSED) {
            byte[] problem = GracefulShutdown.problem(request.getRequestURI());
            response.setStatus(503);
            response.setContentType("application/problem+json");
            response.setHeader("Retry-After", String.valueOf(settings.retryAfterSeconds()));
            response.setHeader("Connection", "close");
            response.setContentLength(problem.length);
            response.getOutputStream().write(problem);
            return;
        }
        if (phase == RequestsInFlight.Phase.DRAINING) {
            response.setHeader("Connection", "close");
        }
        RequestsInFlight.Ticket ticket = requests.enter(response);
        try {
            chain.doFilter(request, ticket.response());
        } finally {
            requests.leave(ticket);
        }
    }
}
