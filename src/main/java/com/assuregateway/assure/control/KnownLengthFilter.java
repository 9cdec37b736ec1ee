package com.assuregateway.assure.control;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;

/**
 * Tells the HTTP connector the length of a body from {@link AssureBodies}, so that with
 * {@link #FIXED_LENGTH_STREAMING} it streams it to Assure as it is written. Without a known length the JDK's
 * HttpURLConnection first copies the whole body into a buffer of its own (PosterOutputStream): one more copy of
 * every faceScan and photo per call. Streaming also means the JDK never silently sends such a POST a second time
 * on a stale connection: a lost answer is the gateway's to handle (outcome unknown), as for any other.
 * <p>
 * Jersey's connector reads the length from the request's Content-Length header before it opens the connection;
 * the header itself is then taken off again before the headers are sent (HttpURLConnection refuses to send a
 * Content-Length set by hand, with a warning per request, and writes the right one itself).
 */
class KnownLengthFilter implements ClientRequestFilter, WriterInterceptor {

    /** Jersey's HttpUrlConnectorProvider.USE_FIXED_LENGTH_STREAMING, by name: no compile-time tie to Jersey. */
    static final String FIXED_LENGTH_STREAMING = "jersey.config.client.httpUrlConnector.useFixedLengthStreaming";

    @Override
    public void filter(ClientRequestContext request) {
        if (request.getEntity() instanceof AssureBodies.Body body && body.length() > 0) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_LENGTH, Long.toString(body.length()));
        }
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        if (context.getEntity() instanceof AssureBodies.Body) {
            context.getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
        }
        context.proceed();
    }
}
