package com.assuregateway.sandbox.boundary;

import com.assuregateway.sandbox.control.AnswerDelay;
import com.assuregateway.sandbox.control.SandboxFaults;
import com.assuregateway.sandbox.control.SandboxFaults.Plan;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Applies the faults planned through {@code /sandbox/control/faults} to the sandbox's Assure endpoints, at
 * the HTTP level: error statuses, delays, a connection dropped mid-answer, a body that is not JSON.
 */
@WebFilter("/sandbox/assure/*")
public class SandboxFaultFilter extends HttpFilter {

    @Inject
    SandboxFaults faults;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length() + "/sandbox/assure".length());
        Optional<Plan> fault = faults.take(request.getMethod(), path);
        if (fault.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Plan plan = fault.get();
        switch (plan.kind()) {
            case SERVER_ERROR -> problem(response, request, 503, "Service Unavailable", "Simulated outage");
            case TOO_MANY_REQUESTS -> {
                response.setHeader("Retry-After", "1");
                problem(response, request, 429, "Too Many Requests", "Simulated rate limit");
            }
            case NOT_FOUND -> problem(response, request, 404, "Not Found", "Simulated: not there");
            case GONE -> problem(response, request, 410, "Gone", "Simulated: deleted");
            case LATE -> {
                // the answer is made now, from the state as it is now, and sent only after the delay
                Late late = new Late(response);
                chain.doFilter(request, late);
                AnswerDelay.hold(plan.delayMs());
                late.send();
            }
            case SLOW, TIMEOUT -> {
                AnswerDelay.hold(plan.delayMs());
                chain.doFilter(request, response);
            }
            case CONNECTION_RESET -> {
                // the request is carried out; its answer is cut short, as when a connection drops
                chain.doFilter(request, new Discarded(response));
                response.setStatus(200);
                response.setContentType("application/json");
                response.setContentLength(4096);
                response.getOutputStream().write("{\"processId\":\"".getBytes(StandardCharsets.US_ASCII));
                response.flushBuffer();
                throw new IOException("Simulated connection reset");
            }
            case MALFORMED_BODY -> {
                chain.doFilter(request, new Discarded(response));
                response.setStatus(200);
                response.setContentType("application/json");
                response.getWriter().write("{\"processId\": [unterminated");
            }
        }
    }

    /** Keeps whatever body the sandbox writes in memory instead of sending it. */
    private static class Buffered extends HttpServletResponseWrapper {

        final java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.io.PrintWriter writer;

        Buffered(HttpServletResponse response) {
            super(response);
        }

        @Override
        public jakarta.servlet.ServletOutputStream getOutputStream() {
            return new jakarta.servlet.ServletOutputStream() {
                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(jakarta.servlet.WriteListener listener) {
                }

                @Override
                public void write(int b) {
                    body.write(b);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) {
                    body.write(bytes, offset, length);
                }
            };
        }

        @Override
        public java.io.PrintWriter getWriter() {
            if (writer == null) {
                writer = new java.io.PrintWriter(new java.io.OutputStreamWriter(body, StandardCharsets.UTF_8));
            }
            return writer;
        }

        @Override
        public void flushBuffer() {
        }

        @Override
        public boolean isCommitted() {
            return false;
        }
    }

    /** Keeps the body of an answer (status and headers go through) until {@link #send}. */
    private static final class Late extends Buffered {

        Late(HttpServletResponse response) {
            super(response);
        }

        void send() throws IOException {
            if (writer != null) {
                writer.flush();
            }
            HttpServletResponse real = (HttpServletResponse) getResponse();
            real.setContentLength(body.size());
            body.writeTo(real.getOutputStream());
            real.flushBuffer();
        }
    }

    /** Lets the sandbox carry the request out while its real answer (body, status, headers) goes nowhere. */
    private static final class Discarded extends Buffered {

        Discarded(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setStatus(int status) {
        }

        @Override
        public void setHeader(String name, String value) {
        }

        @Override
        public void addHeader(String name, String value) {
        }

        @Override
        public void setContentType(String type) {
        }

        @Override
        public void setContentLength(int length) {
        }

        @Override
        public void setContentLengthLong(long length) {
        }
    }

    private static void problem(HttpServletResponse response, HttpServletRequest request, int status, String title,
                                String detail) throws IOException {
        String traceId = HexFormat.of().formatHex(ThreadLocalRandom.current().ints(16, 0, 256)
                .collect(java.io.ByteArrayOutputStream::new, (out, b) -> out.write(b), (a, b) -> a.write(b.toByteArray(), 0, b.size()))
                .toByteArray());
        response.setStatus(status);
        response.setContentType("application/json");
        response.getWriter().write("{\"instance\":\"/assure" + request.getRequestURI().substring(
                request.getContextPath().length() + "/sandbox/assure".length()) + "\",\"method\":\"" + request.getMethod()
                + "\",\"status\":" + status + ",\"type\":\"base:server-problem\",\"title\":\"" + title
                + "\",\"detail\":\"" + detail + "\",\"traceId\":\"" + traceId + "\"}");
    }
}
