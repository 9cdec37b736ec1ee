package com.assuregateway.testsupport;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The microbundle as an operator runs it ({@code java -jar target/assure-gateway-microbundle.jar}), in a
 * process of its own that a test can kill -9 and start again.
 */
public final class GatewayProcess implements AutoCloseable {

    // below the benchmarks' ports (bench/: 29280 and up) and the kernel's ephemeral range
    private static final int PORTS_BELOW = 29000;
    private static final int PORTS_FROM = 20000;
    private static final java.util.Random RANDOM = new java.util.Random();

    private final int port;
    private final Map<String, String> properties;
    private final File log;
    private final File directory;
    private Process process;
    private Map<String, String> more = Map.of();

    public GatewayProcess(int port, Map<String, String> properties, File log) {
        this(port, properties, log, null);
    }

    private GatewayProcess(int port, Map<String, String> properties, File log, File directory) {
        this.port = port;
        this.properties = properties;
        this.log = log;
        this.directory = directory;
    }

    /**
     * The README's first command, exactly: {@code java -jar target/assure-gateway-microbundle.jar --port N
     * --nocluster}, with nothing else set, run in a folder of its own (its H2 database goes to ./data there).
     */
    public static GatewayProcess readmeRun(int port, File directory, File log) {
        directory.mkdirs();
        return new GatewayProcess(port, null, log, directory);
    }

    /** The README's run with a few system properties more (the console's identity provider, say). */
    public static GatewayProcess readmeRun(int port, File directory, File log, Map<String, String> more) {
        GatewayProcess run = readmeRun(port, directory, log);
        run.more = Map.copyOf(more);
        return run;
    }

    /**
     * As arquillian.xml starts the in-container servers: production mode, trusting the tests' identity provider
     * ({@link Tokens}) and sealing archives with the tests' key. A property given to this process overrides them.
     */
    static Map<String, String> productionBehindTheTestIdentityProvider() {
        String key = System.getProperty("test.idp.public-key",
                new File(Tokens.IDP_SIGNING_KEY_FILE).getAbsoluteFile().getParent() + "/public-key.pem");
        return Map.of("gateway.mode", "production",
                "mp.jwt.verify.publickey.location", "file:" + key,
                "mp.jwt.verify.issuer", Tokens.IDP_ISSUER,
                "gateway.archive.key-id", "it",
                "gateway.archive.key.it", "GlBEBhwVSUDQJ1spbZuRh5ti66I41Rk/ti3gJ5O8pB0=");
    }

    /**
     * Another gateway process, on H2, whose built-in sandbox stands in for Assure: it outlives the gateways a test
     * kills or stops. The sandbox settings given (delays, polls) are added to its control secret.
     */
    public static GatewayProcess assureSandbox(String name, Map<String, String> sandboxSettings)
            throws IOException, InterruptedException {
        Map<String, String> config = new java.util.LinkedHashMap<>(sandboxSettings);
        config.put("db.url", "jdbc:h2:" + new File("target/it-h2/" + name + "-" + System.nanoTime()).getAbsolutePath());
        config.put(SandboxControl.CONFIG_KEY, SandboxControl.SECRET);
        return new GatewayProcess(freePort(), config, new File("target/it-logs", name + ".log")).start();
    }

    /** The settings of a gateway on the tests' database that calls that sandbox as its Assure. */
    public static Map<String, String> onTestDatabaseBehind(GatewayProcess assure) {
        Map<String, String> config = new java.util.LinkedHashMap<>();
        config.put("db.url", TestDatabase.url());
        config.put("db.user", System.getProperty("test.db.user"));
        config.put("db.password", System.getProperty("test.db.password"));
        config.put("assure/mp-rest/url", assure.url() + "sandbox/assure");
        config.put("assure.auth.token-url", assure.url() + "sandbox/auth/open/connect/token");
        return config;
    }

    /**
     * A port no one listens on, taken below the kernel's ephemeral range. A port from that range ({@code new
     * ServerSocket(0)}) can be handed to any outgoing connection (a JDBC pool's, a test client's) in the seconds
     * before the gateway binds it, or between a kill and the restart; Payara Micro then logs a BindException and
     * runs on without a listener (seen in CI: "did not become ready" after a kill -9).
     */
    public static int freePort() throws IOException {
        int below = Math.min(PORTS_BELOW, ephemeralRangeStart());
        int from = Math.min(PORTS_FROM, below - 1000);
        for (int tries = 0; tries < 200; tries++) {
            int candidate = from + RANDOM.nextInt(below - from);
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new java.net.InetSocketAddress(candidate));
                return candidate;
            } catch (IOException taken) {
                // someone listens there; try another
            }
        }
        throw new IOException("No free port between " + from + " and " + below);
    }

    private static int ephemeralRangeStart() {
        try {
            // a /proc file has no size, so Files.readString reads only its first bytes
            String range = java.nio.file.Files.readAllLines(
                    java.nio.file.Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0);
            return Integer.parseInt(range.trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException notLinux) {
            return 32768;
        }
    }

    public URL url() {
        try {
            return URI.create("http://127.0.0.1:" + port + "/").toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts it and waits until /health/ready says UP. */
    public GatewayProcess start() throws IOException, InterruptedException {
        return start(false);
    }

    /**
     * Starts it and waits until the application answers its API with a problem of its own (readiness lists the
     * application's checks a moment before its resources are deployed): for a gateway whose configuration is
     * meant to keep it from serving, so readiness never says UP.
     */
    public GatewayProcess startRefusing() throws IOException, InterruptedException {
        return start(true);
    }

    private GatewayProcess start(boolean refusing) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.JAVA, "-Xmx512m"));
        if (properties != null) {
            productionBehindTheTestIdentityProvider().forEach((key, value) -> command.add("-D" + key + "=" + value));
            properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        }
        more.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", new File("target/assure-gateway-microbundle.jar").getAbsolutePath(),
                "--port", String.valueOf(port), "--nocluster"));
        log.getAbsoluteFile().getParentFile().mkdirs();
        long logStart = log.length();
        process = new ProcessBuilder(command).directory(directory).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.getAbsoluteFile())).start();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; i < 240; i++) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The gateway exited at start-up; see " + log);
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(url() + "health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200 && ready.body().contains("\"UP\"")) {
                    return this;
                }
                if (refusing && http.send(HttpRequest.newBuilder(URI.create(url() + "api/v1/dossiers/started"))
                                .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding())
                        .headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet, or never will: Payara Micro runs on when its port is taken
                if (portTakenSince(logStart)) {
                    kill();
                    throw new IllegalStateException("The gateway could not listen on port " + port
                            + " (BindException); see " + log);
                }
            }
            Thread.sleep(500);
        }
        // not left running: the caller never got hold of this process to close it
        kill();
        throw new IllegalStateException("The gateway did not become ready; see " + log);
    }

    private boolean portTakenSince(long logStart) throws IOException {
        try (java.io.RandomAccessFile written = new java.io.RandomAccessFile(log.getAbsoluteFile(), "r")) {
            written.seek(Math.min(logStart, written.length()));
            byte[] since = new byte[(int) (written.length() - written.getFilePointer())];
            written.readFully(since);
            return new String(since, java.nio.charset.StandardCharsets.ISO_8859_1).contains("java.net.BindException");
        } catch (java.io.FileNotFoundException notYet) {
            return false;
        }
    }

    /** kill -9: no shutdown hook, no graceful end of requests in flight. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, as a rolling restart or Kubernetes sends it: the graceful shutdown. Does not wait. */
    public void terminate() {
        process.destroy();
    }

    /** Waits for the process to end; its exit status, or -1 if it still runs after the time given. */
    public int awaitExit(Duration within) throws InterruptedException {
        return process.waitFor(within.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    /** Kills each of them that was started (for a test's @AfterAll, whichever of them its set-up got to). */
    public static void closeAll(GatewayProcess... processes) throws InterruptedException {
        for (GatewayProcess process : processes) {
            if (process != null) {
                process.close();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }

    private static final class Path {
        static final String JAVA = ProcessHandle.current().info().command().orElse("java");
    }
}
