package com.assuregateway.testsupport;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A portal's webhook receiver inside the test JVM (the JDK's HTTP server on 127.0.0.1): every request is
 * recorded as it came (headers, body bytes), and each path answers what the test planned for it, one planned
 * answer per request, then its standing answer (204 unless set). Signatures are checked with the official
 * Standard Webhooks library, as a portal would.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** What a request gets: a status, optionally a Retry-After, optionally after a pause (a slow receiver). */
    public record Reply(int status, String retryAfter, long delayMs) {

        public static Reply status(int status) {
            return new Reply(status, null, 0);
        }

        public static Reply hang(long delayMs) {
            return new Reply(200, null, delayMs);
        }
    }

    /** One request as received; header names in lower case. */
    public record Received(String path, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public String id() {
            return header("webhook-id");
        }

        /** Whether the official verifier accepts the request with this secret. */
        public boolean verifiesWith(String secret) {
            return verifies(secret, headers);
        }

        /** Each space-separated signature on its own: whether this secret made it. */
        public List<Boolean> signaturesBy(String secret) {
            List<Boolean> made = new ArrayList<>();
            for (String signature : header("webhook-signature").split(" ")) {
                Map<String, List<String>> one = new TreeMap<>(headers);
                one.put("webhook-signature", List.of(signature));
                made.add(verifies(secret, one));
            }
            return made;
        }

        private boolean verifies(String secret, Map<String, List<String>> with) {
            try {
                new Webhook(secret).verify(body, with);
                return true;
            } catch (WebhookVerificationException e) {
                return false;
            }
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Reply>> planned = new ConcurrentHashMap<>();
    private final Map<String, Reply> standing = new ConcurrentHashMap<>();

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** The URL of a path of this receiver, as an endpoint registers it. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path;
    }

    /** The next requests to the path get these answers, in order. */
    public void plan(String path, Reply... replies) {
        planned.computeIfAbsent("/" + path, p -> new ConcurrentLinkedDeque<>()).addAll(List.of(replies));
    }

    /** What the path answers once nothing planned is left. */
    public void answer(String path, Reply reply) {
        standing.put("/" + path, reply);
    }

    public List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals("/" + path)).toList();
    }

    public List<Received> all() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String path = exchange.getRequestURI().getPath();
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
            received.add(new Received(path, headers, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            Deque<Reply> queue = planned.get(path);
            Reply reply = queue == null || queue.isEmpty() ? standing.getOrDefault(path, Reply.status(204))
                    : queue.poll();
            if (reply.delayMs() > 0) {
                Thread.sleep(reply.delayMs());
            }
            if (reply.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", reply.retryAfter());
            }
            exchange.sendResponseHeaders(reply.status(), -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
