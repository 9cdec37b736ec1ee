package com.assuregateway.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder on loopback that a test can cut and restore: the gateway reaches its database through it,
 * so "the database is gone" is a real network failure (refused connections, broken sockets), not a mock.
 */
public final class TcpProxy implements AutoCloseable {

    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private ServerSocket server;
    private int port;

    private TcpProxy(InetSocketAddress target) {
        this.target = target;
    }

    /** A proxy listening on the given loopback port (0: any free one), forwarding to host:port. */
    public static TcpProxy on(int listenPort, String host, int port) {
        TcpProxy proxy = new TcpProxy(new InetSocketAddress(host, port));
        proxy.listen(listenPort);
        return proxy;
    }

    public synchronized int port() {
        return port;
    }

    /** Refuses new connections and breaks every forwarded one. */
    public synchronized void cut() {
        closeQuietly(server);
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    /** Listens again, on the same port. */
    public synchronized void restore() {
        listen(port);
    }

    @Override
    public void close() {
        cut();
    }

    private synchronized void listen(int wanted) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), wanted));
            server = socket;
            port = socket.getLocalPort();
            daemon("proxy-accept-" + port, () -> accept(socket));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on port " + wanted, e);
        }
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Socket upstream = new Socket();
                try {
                    upstream.connect(target, 5000);
                } catch (IOException e) {
                    closeQuietly(client);
                    continue;
                }
                open.add(client);
                open.add(upstream);
                daemon("proxy-up-" + port, () -> pump(client, upstream));
                daemon("proxy-down-" + port, () -> pump(upstream, client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException broken) {
            // one side closed or was cut: close both below
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (IOException ignored) {
            // already closed
        }
    }
}
