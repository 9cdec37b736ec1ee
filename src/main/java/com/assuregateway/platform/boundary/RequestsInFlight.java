package com.assuregateway.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The requests this instance is answering, and where it stands in its shutdown: serving, draining (readiness
 * DOWN, still serving), closed (new requests refused with 503, those in flight awaited). A request still running
 * when the limit is reached is answered 503 from here, over its own connection, and whatever its thread writes
 * afterwards is dropped: the client gets a complete problem answer, never a reset connection.
 */
@ApplicationScoped
public class RequestsInFlight {

    /** Where the instance is in its life; only ever moves forwards. */
    public enum Phase { SERVING, DRAINING, CLOSED }

    private final Set<Ticket> running = ConcurrentHashMap.newKeySet();
    private volatile Phase phase = Phase.SERVING;

    public Phase phase() {
        return phase;
    }

    void drain() {
        if (phase == Phase.SERVING) {
            phase = Phase.DRAINING;
        }
    }

    void close() {
        phase = Phase.CLOSED;
    }

    /** A request starts; its thread writes through the returned ticket's response. */
    Ticket enter(HttpServletResponse response) {
        Ticket ticket = new Ticket(response);
        running.add(ticket);
        return ticket;
    }

    void leave(Ticket ticket) {
        ticket.guarded.flushWriter();
        running.remove(ticket);
        synchronized (running) {
            running.notifyAll();
        }
    }

    int count() {
        return running.size();
    }

    /** Waits until no request is in flight or the time is up; true when none is left. */
    boolean awaitIdle(long millis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        synchronized (running) {
            while (!running.isEmpty()) {
                long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                // leave() notifies; the bound also covers a request that left between the check and the wait
                running.wait(Math.min(left, 200));
            }
        }
        return true;
    }

    /** Answers every request still in flight with the given problem (bytes of problem+json); how many got it. */
    int answerRemaining(int status, byte[] problem, int retryAfterSeconds) {
        int answered = 0;
        for (Ticket ticket : List.copyOf(running)) {
            if (ticket.answerInstead(status, problem, retryAfterSeconds)) {
                answered++;
            }
        }
        return answered;
    }

    /**
     * One request in flight. Its thread and the shutdown may both want to write its answer; the lock on the
     * ticket lets exactly one of them do it.
     */
    static final class Ticket {

        private final HttpServletResponse response;
        private final Guarded guarded;
        private boolean replaced;

        Ticket(HttpServletResponse response) {
            this.response = response;
            this.guarded = new Guarded(response, this);
        }

        HttpServletResponse response() {
            return guarded;
        }

        synchronized boolean answerInstead(int status, byte[] body, int retryAfterSeconds) {
            if (replaced || response.isCommitted()) {
                // an answer already on its way cannot be replaced; the exit ends it
                return false;
            }
            replaced = true;
            try {
                response.reset();
                response.setStatus(status);
                response.setContentType("application/problem+json");
                response.setHeader("Retry-After", String.valueOf(retryAfterSeconds));
                response.setHeader("Connection", "close");
                // a known length: the client has the whole answer even though the request's thread never returns
                response.setContentLength(body.length);
                response.getOutputStream().write(body);
                response.flushBuffer();
                return true;
            } catch (IOException | IllegalStateException gone) {
                return false;
            }
        }

        synchronized boolean replaced() {
            return replaced;
        }
    }

    /** The response the request's thread writes to: every change goes through the ticket's lock and stops once replaced. */
    static final class Guarded extends HttpServletResponseWrapper {

        private final Ticket ticket;
        private ServletOutputStream stream;
        private PrintWriter writer;

        Guarded(HttpServletResponse response, Ticket ticket) {
            super(response);
            this.ticket = ticket;
        }

        private boolean open() {
            return !ticket.replaced();
        }

        @Override
        public void setStatus(int sc) {
            synchronized (ticket) {
                if (open()) {
                    super.setStatus(sc);
                }
            }
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            synchronized (ticket) {
                if (open()) {
                    super.sendError(sc, msg);
                }
            }
        }

        @Override
        public void sendError(int sc) throws IOException {
            synchronized (ticket) {
                if (open()) {
                    super.sendError(sc);
                }
            }
        }

        @Override
        public void setHeader(String name, String value) {
            synchronized (ticket) {
                if (open()) {
                    super.setHeader(name, value);
                }
            }
        }

        @Override
        public void addHeader(String name, String value) {
            synchronized (ticket) {
                if (open()) {
                    super.addHeader(name, value);
                }
            }
        }

        @Override
        public void setContentType(String type) {
            synchronized (ticket) {
                if (open()) {
                    super.setContentType(type);
                }
            }
        }

        @Override
        public void setContentLength(int len) {
            synchronized (ticket) {
                if (open()) {
                    super.setContentLength(len);
                }
            }
        }

        @Override
        public void setContentLengthLong(long len) {
            synchronized (ticket) {
                if (open()) {
                    super.setContentLengthLong(len);
                }
            }
        }

        @Override
        public void flushBuffer() throws IOException {
            synchronized (ticket) {
                if (open()) {
                    flushWriter();
                    super.flushBuffer();
                }
            }
        }

        /**
         * The text a filter or servlet wrote through {@link #getWriter()}, passed on. The container flushes only the
         * writer it made itself, so without this a body written as text and never flushed (a sandbox fault, say) was
         * sent empty: {@code Content-Length: 0}.
         */
        synchronized void flushWriter() {
            if (writer != null) {
                writer.flush();
            }
        }

        @Override
        public void resetBuffer() {
            synchronized (ticket) {
                if (open()) {
                    super.resetBuffer();
                }
            }
        }

        @Override
        public void reset() {
            synchronized (ticket) {
                if (open()) {
                    super.reset();
                }
            }
        }

        @Override
        public synchronized ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                stream = new GuardedStream(super.getOutputStream(), ticket);
            }
            return stream;
        }

        @Override
        public synchronized PrintWriter getWriter() throws IOException {
            if (writer == null) {
                String charset = getCharacterEncoding();
                writer = new PrintWriter(new OutputStreamWriter(getOutputStream(),
                        charset == null ? StandardCharsets.ISO_8859_1.name() : charset));
            }
            return writer;
        }
    }

    /** The body as the request's thread writes it; dropped once the shutdown has answered instead. */
    static final class GuardedStream extends ServletOutputStream {

        private final ServletOutputStream out;
        private final Ticket ticket;

        GuardedStream(ServletOutputStream out, Ticket ticket) {
            this.out = out;
            this.ticket = ticket;
        }

        @Override
        public void write(int b) throws IOException {
            synchronized (ticket) {
                if (!ticket.replaced()) {
                    out.write(b);
                }
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            synchronized (ticket) {
                if (!ticket.replaced()) {
                    out.write(b, off, len);
                }
            }
        }

        @Override
        public void flush() throws IOException {
            synchronized (ticket) {
                if (!ticket.replaced()) {
                    out.flush();
                }
            }
        }

        @Override
        public void close() throws IOException {
            synchronized (ticket) {
                if (!ticket.replaced()) {
                    out.close();
                }
            }
        }

        @Override
        public boolean isReady() {
            return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
        }
    }
}
