package com.assuregateway.assure.control;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Tells the HTTP connector the length of a body from {@link AssureBodies}, so that with
 * {@link #FIXED_LENGTH_STREAMING} it streams it to Assure as it is written. Without a known length the JDK's
 * HttpURLConnection first copies the whole body into a buffer of its own (PosterOutputStream): one more copy of
 * every faceScan and photo per call. Streaming also means the JDK never silently sends such a POST a second time
 * on a stale connection: a lost answer is the gateway's to handle (outcome unknown), as for any other.
 */
class KnownLengthFilter implements ClientRequestFilter {

    /** Jersey's HttpUrlConnectorProvider.USE_FIXED_LENGTH_STREAMING, by name: no compile-time tie to Jersey. */
    static final String FIXED_LENGTH_STREAMING = "jersey.config.client.httpUrlConnector.useFixedLengthStreaming";

    @Override
    public void filter(ClientRequestContext request) {
        if (request.getEntity() instanceof AssureBodies.Body body && body.length() > 0) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_LENGTH, Long.toString(body.length()));
        }
    }
}
