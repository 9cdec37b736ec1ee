package com.assuregateway.platform.boundary;

import com.assuregateway.shared.control.Correlation;
import com.assuregateway.shared.control.LogSafe;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;

/**
 * One log line per request: method, path, status, duration and correlation id. Never a header value, a
 * query string or a body: bodies carry biometric data, query strings personal data (an audit filter's
 * {@code externalReference}), and paths carry only ids. The path is logged as sent (still percent-encoded)
 * and through {@link LogSafe}, so no client can break the line and forge another. The correlation id comes
 * from {@code X-Request-Id} when it is a plain token (see {@link Correlation}), or is made here, and is sent
 * back in the same header.
 */
@Provider
@PreMatching
@Priority(1)
public class RequestLog implements ContainerRequestFilter, ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger("com.assuregateway.requests");
    private static final String STARTED = RequestLog.class.getName() + ".started";

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
        request.setProperty(Correlation.HEADER, Correlation.begin(request.getHeaderString(Correlation.HEADER)));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(Correlation.HEADER);
        Object started = request.getProperty(STARTED);
        if (id != null) {
            response.getHeaders().putSingle(Correlation.HEADER, id);
        }
        long ms = started instanceof Long nanos ? (System.nanoTime() - nanos) / 1_000_000 : -1;
        LOG.info(() -> LogSafe.of(request.getMethod()) + " " + LogSafe.of(request.getUriInfo().getRequestUri().getRawPath())
                + " " + response.getStatus() + " " + ms + "ms requestId=" + LogSafe.of(id));
        Correlation.end();
    }
}
