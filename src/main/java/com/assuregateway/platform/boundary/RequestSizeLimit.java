package com.assuregateway.platform.boundary;

import com.assuregateway.problems.boundary.ProblemResponses;
import com.assuregateway.problems.entity.GatewayProblem;
import com.assuregateway.problems.entity.ProblemType;
import com.assuregateway.settings.control.LimitSettings;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * Caps every request body of the portal API while it is read, so an oversized body is refused (413) before
 * it is buffered: at once when Content-Length says so, otherwise as soon as the stream passes the limit.
 */
@Provider
@PreMatching
public class RequestSizeLimit implements ContainerRequestFilter {

    @Inject
    @ConfigProperties
    LimitSettings limits;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("api/")) {
            return;
        }
        long limit = limits.requestBytes();
        if (request.getLength() > limit) {
            request.abortWith(ProblemResponses.of(ProblemType.PAYLOAD_TOO_LARGE,
                    "The request body is larger than " + limit + " bytes", "/" + request.getUriInfo().getPath()));
            return;
        }
        request.setEntityStream(new Capped(request.getEntityStream(), limit));
    }

    /** Counts what is read and stops the read that passes the limit. */
    static final class Capped extends FilterInputStream {

        private final long limit;
        private long read;

        Capped(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) {
            read += n;
            if (read > limit) {
                throw new GatewayProblem(ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than " + limit + " bytes");
            }
        }
    }
}
