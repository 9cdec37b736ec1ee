package com.assuregateway.assure.control;

import com.assuregateway.shared.control.Correlation;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Puts the current Assure access token on every call of the REST client, and the correlation id of the
 * work, so a call can be traced from the portal's request to Signicat's logs.
 */
class BearerTokenFilter implements ClientRequestFilter {

    private final AccessTokens tokens;

    BearerTokenFilter(AccessTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.current());
        String correlation = Correlation.current();
        if (correlation != null) {
            request.getHeaders().putSingle(Correlation.HEADER, correlation);
        }
    }
}
