package perf;

import common.JvmProbes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The performance benchmark's client (bench/perf/run.sh starts the gateway and runs this; issue 8). For each
 * concurrency level it drives whole FaceTec flows with realistic bodies, first straight at the built-in sandbox
 * (the floor: the same Assure calls the gateway makes, with the same bodies, and the sandbox's answer delay),
 * then through the gateway's portal API, for a fixed time each. Per step it keeps the latency of every answered
 * call; per phase the server's CPU (/proc/PID/stat), its heap (jstat samples and the GC log, through
 * {@link JvmProbes.HeapSampler} and {@link JvmProbes.GcLog}) and the client's own CPU. Writes CSV files and a
 * Markdown summary; bench/perf/Plots.java draws the figures from the CSV files.
 * <p>
 * With {@code --sandbox-base}, {@code --sandbox-pid} and {@code --sandbox-gclog} (run.sh's {@code BENCH_SANDBOX=separate})
 * the sandbox is another JVM: the floor's calls, its token and its planned faults go there, and the floor's CPU, heap
 * and GCs are that JVM's, the gateway's the gateway JVM's alone.
 * <p>
 * Loopback only, HTTP/1.1, every loop bounded by the phase time and the overall budget.
 */
public final class PerfBench {

    static final List<String> STEPS = List.of("createDossier", "createProcess", "setSelfie", "startVerification",
            "getProcess", "fullResult", "eraseDossier");
    static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([^\"]+)\"");
    /** The sandbox control hooks' own secret (bench/lib.sh exports it and gives it to both servers). */
    static final String CONTROL_SECRET = System.getenv().getOrDefault("SANDBOX_CONTROL_SECRET", "");
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    final Map<String, String> options;
    final String base;
    final String portalToken;
    final long serverPid;
    /** The sandbox's base URL and JVM: the gateway's own unless --sandbox-base/--sandbox-pid name a separate one. */
    final String sandboxBase;
    final long sandboxPid;
    final boolean separateSandbox;
    final long deadline;
    final Path out;
    final Bodies bodies;
    final String runId = Long.toString(System.currentTimeMillis(), 36);
    final AtomicLong flowCounter = new AtomicLong();
    final List<Phase> phases = new ArrayList<>();
    String sandboxToken;
    double idleCores;
    /** how the warm-up ended: its length, its rounds, and the JIT compilers' cores in its last round */
    String warmupSummary = "";
    static final double JIT_STEADY_CORES = 0.1;
    double sandboxIdleCores;

    PerfBench(Map<String, String> options) {
        this.options = options;
        this.base = options.get("base");
        this.portalToken = options.get("token");
        this.serverPid = Long.parseLong(options.get("pid"));
        this.sandboxBase = options.getOrDefault("sandbox-base", base);
        this.sandboxPid = Long.parseLong(options.getOrDefault("sandbox-pid", options.get("pid")));
        this.separateSandbox = sandboxPid != serverPid;
        this.deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(num("budget-seconds", 720));
        this.out = Path.of(options.getOrDefault("out", "docs/performance"));
        this.bodies = new Bodies(num("facescan-kb", 470), num("audit-image-kb", 100), num("selfie-kb", 200));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new PerfBench(options).run();
    }

    void run() throws Exception {
        Files.createDirectories(out);
        sandboxToken = sandboxToken();
        int seconds = num("seconds", 30);
        int warmup = num("warmup-seconds", 60);
        List<Integer> levels = Arrays.stream(options.getOrDefault("levels", "1,8,32,128").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        System.err.printf("bodies: faceScan %d B, audit images %d B each, selfie %d B; verify request %d B%n",
                bodies.faceScanChars, bodies.auditChars, bodies.selfie.length, bodies.verifyTemplate.length);
        warmUp(warmup, num("max-warmup-seconds", 300));
        // what the server burns with no request at all (timers, JIT, GC, JFR when on), to subtract per flow
        long[] idle0 = JvmProbes.processCpuTicks(serverPid);
        long[] sandboxIdle0 = JvmProbes.processCpuTicks(sandboxPid);
        long idleStart = System.nanoTime();
        Thread.sleep(5000);
        double idleSeconds = (System.nanoTime() - idleStart) / 1e9;
        idleCores = JvmProbes.cpuSeconds(idle0, JvmProbes.processCpuTicks(serverPid)) / idleSeconds;
        sandboxIdleCores = separateSandbox ? JvmProbes.cpuSeconds(sandboxIdle0, JvmProbes.processCpuTicks(sandboxPid)) / idleSeconds : idleCores;
        System.err.printf(Locale.ROOT, "server idle: %.3f cores%s%n", idleCores,
                separateSandbox ? String.format(Locale.ROOT, "; sandbox idle: %.3f cores", sandboxIdleCores) : "");
        for (int level : levels) {
            if (System.nanoTime() > deadline) {
                System.err.println("time budget used up: skipping level " + level);
                continue;
            }
            phases.add(phase("floor", level, seconds, true));
            phases.add(phase("gateway", level, seconds, true));
        }
        if (System.nanoTime() < deadline) {
            int n = num("inflight", 32);
            inFlight.add(inFlightProbe("floor", n));
            inFlight.add(inFlightProbe("gateway", n));
        }
        writeResults();
    }

    // ---- live heap per verification in flight

    final List<long[]> inFlight = new ArrayList<>();

    /**
     * Holds n verifications in flight at once and weighs the server's live heap: the sandbox is told to sit on
     * the next n start-verification calls for a while before it reads them (a planned "slow" fault), so each
     * request waits in the gateway with everything it holds (or, for the floor, in the sandbox unread). Live heap
     * = the total of a class histogram, which collects fully first. Answers {n, live before, live during, bytes
     * per verification request}.
     */
    long[] inFlightProbe(String mode, int n) throws Exception {
        Phase scratch = new Phase(mode, n);
        List<String> processes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            processes.add(mode.equals("gateway") ? preparedGatewayProcess(scratch) : preparedFloorProcess(scratch));
        }
        long before = liveHeap(pidOf(mode));
        long holdMs = 8000;
        HttpResponse<String> planned = HTTP.send(HttpRequest.newBuilder(URI.create(sandboxBase + "/sandbox/control/faults")).header("X-Sandbox-Control-Secret", CONTROL_SECRET)
                .header("Content-Type", "application/json").POST(json("{\"fault\":\"slow\",\"operation\":"
                        + "\"startVerification\",\"times\":" + n + ",\"delayMs\":" + holdMs + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (planned.statusCode() != 204) {
            throw new IllegalStateException("planning the slow fault: " + planned.statusCode() + " " + planned.body());
        }
        CountDownLatch done = new CountDownLatch(n);
        for (String p : processes) {
            Thread t = new Thread(() -> {
                try {
                    HttpRequest.Builder start = mode.equals("gateway") ? portal(p + "/verification") : sandbox(p);
                    step(scratch, "startVerification", start.POST(HttpRequest.BodyPublishers.ofByteArray(
                            bodies.verifyRequest(flowCounter.incrementAndGet()))));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
            t.setDaemon(true);
            t.start();
        }
        Thread.sleep(holdMs / 2);
        long during = liveHeap(pidOf(mode));
        done.await(holdMs * 3, TimeUnit.MILLISECONDS);
        HTTP.send(HttpRequest.newBuilder(URI.create(sandboxBase + "/sandbox/control/faults")).header("X-Sandbox-Control-Secret", CONTROL_SECRET).DELETE().build(),
                HttpResponse.BodyHandlers.discarding());
        System.err.printf("%s: %d verifications in flight: live heap %d -> %d MB, %d KB each (answered: %d, other: %s)%n",
                mode, n, before >> 20, during >> 20, (during - before) / n >> 10,
                scratch.sorted("startVerification").length, scratch.errors);
        return new long[]{n, before, during, bodies.verifyTemplate.length, mode.equals("gateway") ? 1 : 0,
                scratch.sorted("startVerification").length};
    }

    String preparedGatewayProcess(Phase scratch) throws InterruptedException {
        String api = base + "/api/v1/dossiers";
        Answer dossier = step(scratch, "createDossier", portal(api).POST(json("{\"externalReference\":\"perf-" + runId
                + "-" + flowCounter.incrementAndGet() + "\"}")));
        String d = api + "/" + field(dossier.body, "dossierId");
        Answer process = step(scratch, "createProcess", portal(d + "/processes").POST(json("{\"provider\":\"facetec\"}")));
        String p = d + "/processes/" + field(process.body, "processId");
        step(scratch, "setSelfie", portal(p + "/selfie").setHeader("Content-Type", "image/jpeg")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bodies.selfie)));
        return p;
    }

    String preparedFloorProcess(Phase scratch) throws InterruptedException {
        String assure = sandboxBase + "/sandbox/assure/dossiers";
        Answer dossier = step(scratch, "createDossier", sandbox(assure).POST(json("{}")));
        String d = assure + "/" + field(dossier.body, "dossierId");
        Answer process = step(scratch, "createProcess", sandbox(d + "/processes").POST(json("{\"provider\":\"facetec\"}")));
        String p = d + "/processes/" + field(process.body, "processId");
        step(scratch, "setSelfie", sandbox(p + "/images").POST(HttpRequest.BodyPublishers.ofByteArray(bodies.selfieUpload)));
        return p;
    }

    /** The server's live heap in bytes: the total of a class histogram (which runs a full GC first). */
    long liveHeap(long pid) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder("jcmd", Long.toString(pid), "GC.class_histogram").start();
        List<String> lines = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        jcmd.waitFor();
        for (String line : lines) {
            if (line.trim().startsWith("Total")) {
                String[] cells = line.trim().split("\\s+");
                return Long.parseLong(cells[2]);
            }
        }
        throw new IllegalStateException("no Total in the class histogram");
    }

    // ---- one phase: N portals running flows for a fixed time

    /**
     * Warms both paths up (JIT, pools, connections), not measured: rounds of 10 s straight at the sandbox and
     * 20 s through the gateway at 8 portals, for at least minSeconds and then until the JIT compiler threads of
     * neither JVM took more than JIT_STEADY_CORES in their last round, or maxSeconds have passed. A 2-core machine
     * compiles Payara's hot code for minutes; measured while it compiles, a phase reports the JIT's work as the
     * gateway's.
     */
    void warmUp(int minSeconds, int maxSeconds) throws Exception {
        long start = System.nanoTime();
        int rounds = 0;
        double elapsed;
        Phase floor;
        Phase gateway;
        boolean steady;
        do {
            floor = phase("floor", 8, 10, false);
            gateway = phase("gateway", 8, 20, false);
            rounds++;
            elapsed = (System.nanoTime() - start) / 1e9;
            steady = floor.jitCpuSeconds / floor.seconds() <= JIT_STEADY_CORES
                    && gateway.jitCpuSeconds / gateway.seconds() <= JIT_STEADY_CORES;
        } while ((elapsed < minSeconds || !steady) && elapsed < maxSeconds && System.nanoTime() < deadline);
        warmupSummary = String.format(Locale.ROOT, "warm-up %.0f s in %d rounds at 8 portals (at least %d s, at most %d s, "
                        + "until the JIT compilers took at most %.2f cores): JIT in the last round %.2f cores (gateway), "
                        + "%.2f cores (%s)%s", elapsed, rounds, minSeconds, maxSeconds, JIT_STEADY_CORES,
                gateway.jitCpuSeconds / gateway.seconds(), floor.jitCpuSeconds / floor.seconds(),
                separateSandbox ? "sandbox" : "same JVM, straight at the sandbox",
                steady ? "" : "; **the JIT had not settled**");
        System.err.println(warmupSummary);
    }

    Phase phase(String mode, int level, int seconds, boolean measured) throws Exception {
        Phase phase = new Phase(mode, level);
        long pid = pidOf(mode);
        JvmProbes.GcLog gcLog = new JvmProbes.GcLog(Path.of(mode.equals("floor") && separateSandbox
                ? options.get("sandbox-gclog") : options.get("gclog")));
        if (measured) {
            JvmProbes.jcmd(pid, "GC.run");
            Thread.sleep(300);
            gcLog.readNew();
            phase.heapBaseline = JvmProbes.heap(pid)[0];
        }
        JvmProbes.HeapSampler sampler = new JvmProbes.HeapSampler(pid);
        sampler.start();
        long[] serverCpu0 = JvmProbes.processCpuTicks(pid);
        long[] jitCpu0 = JvmProbes.compilerCpuTicks(pid);
        long[] clientCpu0 = JvmProbes.processCpuTicks(ProcessHandle.current().pid());
        long[] machine0 = JvmProbes.machineTicks();
        long start = System.nanoTime();
        long end = Math.min(start + TimeUnit.SECONDS.toNanos(seconds), deadline);
        CountDownLatch done = new CountDownLatch(level);
        for (int i = 0; i < level; i++) {
            Thread portal = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        long flowStart = System.nanoTime();
                        boolean completed = mode.equals("gateway") ? gatewayFlow(phase) : floorFlow(phase);
                        if (completed) {
                            phase.flowMs.add(System.nanoTime() - flowStart);
                        } else {
                            phase.flowsFailed.incrementAndGet();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }, mode + "-portal-" + i);
            portal.setDaemon(true);
            portal.start();
        }
        // a flow that began before the end is finished (its steps are measured); bounded by the budget
        done.await(Math.max(60, TimeUnit.NANOSECONDS.toSeconds(deadline - System.nanoTime()) + 60), TimeUnit.SECONDS);
        phase.wallNanos = System.nanoTime() - start;
        phase.serverCpuSeconds = JvmProbes.cpuSeconds(serverCpu0, JvmProbes.processCpuTicks(pid));
        phase.jitCpuSeconds = JvmProbes.cpuSeconds(jitCpu0, JvmProbes.compilerCpuTicks(pid));
        phase.clientCpuSeconds = JvmProbes.cpuSeconds(clientCpu0, JvmProbes.processCpuTicks(ProcessHandle.current().pid()));
        long[] machine1 = JvmProbes.machineTicks();
        phase.machineBusy = (double) (machine1[0] - machine0[0]) / Math.max(1, machine1[1] - machine0[1]);
        sampler.stop();
        phase.heapPeak = sampler.peakUsed();
        JvmProbes.GcLog.Window window = gcLog.readNew();
        phase.gcs = window.collections();
        phase.maxAfterGc = window.maxAfter();
        System.err.printf(Locale.ROOT, "%-7s %3d portals%s: %d flows (%d failed) in %.1f s, server CPU %.2f cores "
                        + "(JIT compiler %.2f), heap peak %d MB, errors %s%n", mode, level, measured ? "" : " (warm-up)",
                phase.flowMs.size(), phase.flowsFailed.get(), phase.wallNanos / 1e9,
                phase.serverCpuSeconds / (phase.wallNanos / 1e9), phase.jitCpuSeconds / (phase.wallNanos / 1e9),
                phase.heapPeak >> 20, phase.errors);
        return phase;
    }

    /** The whole flow through the gateway's portal API; false when a step failed for good. */
    boolean gatewayFlow(Phase phase) throws InterruptedException {
        String reference = "perf-" + runId + "-" + flowCounter.incrementAndGet();
        String api = base + "/api/v1/dossiers";
        Answer dossier = step(phase, "createDossier", portal(api).POST(json("{\"externalReference\":\"" + reference + "\"}")));
        if (dossier == null) return false;
        String d = api + "/" + field(dossier.body, "dossierId");
        Answer process = step(phase, "createProcess", portal(d + "/processes").POST(json("{\"provider\":\"facetec\"}")));
        if (process == null) return false;
        String p = d + "/processes/" + field(process.body, "processId");
        if (step(phase, "setSelfie", portal(p + "/selfie").setHeader("Content-Type", "image/jpeg")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bodies.selfie))) == null) return false;
        if (step(phase, "startVerification", portal(p + "/verification")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.verifyRequest(flowCounter.get())))) == null) return false;
        if (!pollUntilFinal(phase, portal(p))) return false;
        if (step(phase, "fullResult", portal(p + "/full-result")) == null) return false;
        // the end-user's data erased, here and at Assure: also keeps the in-memory sandbox from growing
        return step(phase, "eraseDossier", portal(d).DELETE()) != null;
    }

    /** The same Assure calls the gateway makes for one flow, with the same bodies, straight at the sandbox. */
    boolean floorFlow(Phase phase) throws InterruptedException {
        String assure = sandboxBase + "/sandbox/assure/dossiers";
        String id = "perf-" + runId + "-" + flowCounter.incrementAndGet();
        Answer dossier = step(phase, "createDossier", sandbox(assure).POST(json("{\"externalReference\":\"" + id + "\"}")));
        if (dossier == null) return false;
        String d = assure + "/" + field(dossier.body, "dossierId");
        Answer process = step(phase, "createProcess", sandbox(d + "/processes").POST(json("{\"provider\":\"facetec\"}")));
        if (process == null) return false;
        String p = d + "/processes/" + field(process.body, "processId");
        if (step(phase, "setSelfie", sandbox(p + "/images")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.selfieUpload))) == null) return false;
        if (step(phase, "startVerification", sandbox(p)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.verifyRequest(flowCounter.get())))) == null) return false;
        if (!pollUntilFinal(phase, sandbox(p))) return false;
        if (step(phase, "fullResult", sandbox(p + "/download")) == null) return false;
        return step(phase, "eraseDossier", sandbox(d).DELETE()) != null;
    }

    /** GET the process until its status is final (the sandbox answers processing first); every GET is a sample. */
    boolean pollUntilFinal(Phase phase, HttpRequest.Builder get) throws InterruptedException {
        for (int i = 0; i < 20; i++) {
            Answer a = step(phase, "getProcess", get.copy());
            if (a == null) return false;
            Matcher status = STATUS.matcher(a.body);
            if (status.find() && !status.group(1).equals("pending") && !status.group(1).equals("processing")) {
                return true;
            }
        }
        phase.count("getProcess never final");
        return false;
    }

    record Answer(int status, String body) {
    }

    /**
     * One call, as a portal makes it: a 503 or 429 (bulkhead full, breaker open) is counted and retried after its
     * Retry-After, as the gateway asks; only answered calls (2xx) are latency samples. Null when it failed for good.
     */
    Answer step(Phase phase, String step, HttpRequest.Builder request) throws InterruptedException {
        for (int attempt = 1; attempt <= 10; attempt++) {
            long t0 = System.nanoTime();
            HttpResponse<byte[]> response;
            try {
                response = HTTP.send(request.copy().timeout(Duration.ofSeconds(60)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                phase.count(step + " io " + e.getClass().getSimpleName());
                return null;
            }
            long nanos = System.nanoTime() - t0;
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                phase.sample(step, nanos);
                boolean text = !step.equals("fullResult");
                return new Answer(status, text ? new String(response.body(), StandardCharsets.UTF_8) : "");
            }
            phase.count(step + " " + status);
            if (status != 503 && status != 429) {
                return null;
            }
            long retryAfter = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
            Thread.sleep(Math.min(5, retryAfter) * 1000);
        }
        return null;
    }

    HttpRequest.Builder portal(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + portalToken)
                .header("Content-Type", "application/json");
    }

    HttpRequest.Builder sandbox(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + sandboxToken)
                .header("Content-Type", "application/json");
    }

    String sandboxToken() throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString("sandbox-client:sandbox-secret".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(sandboxBase + "/sandbox/auth/open/connect/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=signicat-api")).build(),
                HttpResponse.BodyHandlers.ofString());
        return field(r.body(), "access_token");
    }

    // ---- realistic bodies, built once

    /** A faceScan, two audit-trail images and a selfie of the sizes a FaceTec SDK produces; random, so incompressible. */
    static final class Bodies {
        final byte[] selfie;
        final byte[] selfieUpload;
        final byte[] verifyTemplate;
        final int faceScanOffset;
        final int faceScanChars;
        final int auditChars;

        Bodies(int faceScanKb, int auditKb, int selfieKb) {
            Random random = new Random(8);
            selfie = new byte[selfieKb * 1024];
            random.nextBytes(selfie);
            selfie[0] = (byte) 0xFF;
            selfie[1] = (byte) 0xD8;
            selfie[2] = (byte) 0xFF;
            selfie[3] = (byte) 0xE0;
            // what the gateway sends to Assure's Set images for this selfie
            selfieUpload = ("{\"selfie\":\"data:image/jpeg;base64," + Base64.getEncoder().encodeToString(selfie) + "\"}")
                    .getBytes(StandardCharsets.US_ASCII);
            String faceScan = base64Chars(random, faceScanKb * 1024, "");
            String audit = base64Chars(random, auditKb * 1024, "/9j/4AAQ");
            String lowQuality = base64Chars(random, auditKb * 1024, "/9j/4AAQ");
            faceScanChars = faceScan.length();
            auditChars = audit.length();
            String prefix = "{\"facetecEnrollment\":{\"faceScan\":\"";
            faceScanOffset = prefix.length();
            verifyTemplate = (prefix + faceScan + "\",\"auditTrailImage\":\"" + audit
                    + "\",\"lowQualityAuditTrailImage\":\"" + lowQuality
                    + "\",\"userAgent\":\"facetec|sdk|web|perf|sandbox:accepted\"},\"imageDepiction\":\"selfie\"}")
                    .getBytes(StandardCharsets.US_ASCII);
        }

        /** Base64 text of about that many characters (a whole number of quads), starting with the given prefix. */
        static String base64Chars(Random random, int chars, String prefix) {
            byte[] raw = new byte[chars / 4 * 3];
            random.nextBytes(raw);
            String text = Base64.getEncoder().encodeToString(raw);
            return prefix + text.substring(prefix.length());
        }

        /** The verification request with a faceScan of its own (the gateway refuses a replayed one). */
        byte[] verifyRequest(long flow) {
            byte[] body = verifyTemplate.clone();
            String unique = String.format(Locale.ROOT, "%016x", flow ^ System.nanoTime() << 20);
            byte[] mark = unique.getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(mark, 0, body, faceScanOffset, mark.length);
            return body;
        }
    }

    // ---- what one phase measured

    static final class Phase {
        final String mode;
        final int level;
        final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
        final List<Long> flowMs = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger flowsFailed = new AtomicInteger();
        long wallNanos;
        double serverCpuSeconds;
        /** of it, the JIT compiler threads' (C1, C2): still compiling means the phase was not yet steady */
        double jitCpuSeconds;
        double clientCpuSeconds;
        double machineBusy;
        long heapBaseline;
        long heapPeak;
        long maxAfterGc;
        long gcs;

        Phase(String mode, int level) {
            this.mode = mode;
            this.level = level;
        }

        void sample(String step, long nanos) {
            latencies.computeIfAbsent(step, k -> Collections.synchronizedList(new ArrayList<>())).add(nanos);
        }

        void count(String what) {
            errors.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
        }

        long[] sorted(String step) {
            List<Long> values = latencies.getOrDefault(step, List.of());
            synchronized (values) {
                return values.stream().mapToLong(Long::longValue).sorted().toArray();
            }
        }

        long[] sortedFlows() {
            synchronized (flowMs) {
                return flowMs.stream().mapToLong(Long::longValue).sorted().toArray();
            }
        }

        double seconds() {
            return wallNanos / 1e9;
        }

        int errorCount(String step) {
            return errors.entrySet().stream().filter(e -> e.getKey().startsWith(step + " "))
                    .mapToInt(e -> e.getValue().get()).sum();
        }
    }

    // ---- the results

    void writeResults() throws IOException {
        StringBuilder steps = new StringBuilder("mode,level,step,n,rejected_or_failed,per_second,p50_ms,p95_ms,p99_ms,max_ms\n");
        StringBuilder phaseCsv = new StringBuilder("mode,level,seconds,flows,flows_failed,flows_per_second,flow_p50_ms,"
                + "flow_p99_ms,server_cpu_cores,client_cpu_cores,machine_busy,heap_baseline_mb,heap_peak_mb,"
                + "max_after_gc_mb,gcs,server_cpu_ms_per_flow,jit_cpu_cores\n");
        for (Phase phase : phases) {
            for (String step : STEPS) {
                long[] s = phase.sorted(step);
                steps.append(String.join(",", phase.mode, Integer.toString(phase.level), step, Integer.toString(s.length),
                        Integer.toString(phase.errorCount(step)), f1(s.length / phase.seconds()), ms(p(s, 50)),
                        ms(p(s, 95)), ms(p(s, 99)), ms(s.length == 0 ? 0 : s[s.length - 1]))).append('\n');
            }
            long[] flows = phase.sortedFlows();
            phaseCsv.append(String.join(",", phase.mode, Integer.toString(phase.level), f1(phase.seconds()),
                    Integer.toString(flows.length), Integer.toString(phase.flowsFailed.get()),
                    f1(flows.length / phase.seconds()), ms(p(flows, 50)), ms(p(flows, 99)),
                    f2(phase.serverCpuSeconds / phase.seconds()), f2(phase.clientCpuSeconds / phase.seconds()),
                    f2(phase.machineBusy), mb(phase.heapBaseline), mb(phase.heapPeak), mb(phase.maxAfterGc),
                    Long.toString(phase.gcs), flows.length == 0 ? "0" : f1(1000 * (phase.serverCpuSeconds
                            - idleCoresOf(phase.mode) * phase.seconds()) / flows.length),
                    f2(phase.jitCpuSeconds / phase.seconds()))).append('\n');
        }
        Files.writeString(out.resolve("steps.csv"), steps);
        Files.writeString(out.resolve("phases.csv"), phaseCsv);
        StringBuilder inflightCsv = new StringBuilder("mode,in_flight,live_before_mb,live_during_mb,growth_per_request_kb,"
                + "body_kb,growth_per_body\n");
        for (long[] r : inFlight) {
            double per = (double) (r[2] - r[1]) / r[0];
            inflightCsv.append(String.join(",", r[4] == 1 ? "gateway" : "floor", Long.toString(r[0]), mb(r[1]), mb(r[2]),
                    kb((long) per), kb(r[3]), f2(per / r[3]))).append('\n');
        }
        Files.writeString(out.resolve("inflight.csv"), inflightCsv);
        Files.writeString(out.resolve("results.md"), markdown());
        System.err.println("wrote " + out.resolve("steps.csv") + ", " + out.resolve("phases.csv") + ", "
                + out.resolve("results.md"));
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("<!-- generated by bench/perf/run.sh (PerfBench.java) on ").append(Instant.now())
                .append("; do not edit by hand -->\n\n");
        md.append("Run: ").append(options.getOrDefault("run-info", "")).append("\n\n");
        md.append("Bodies per flow: faceScan ").append(kb(bodies.faceScanChars)).append(" KB base64, two audit-trail images ")
                .append(kb(bodies.auditChars)).append(" KB base64 each, selfie ").append(kb(bodies.selfie.length))
                .append(" KB JPEG bytes (").append(kb(bodies.selfieUpload.length)).append(" KB as Assure's dataURL JSON); ")
                .append("verification request ").append(kb(bodies.verifyTemplate.length)).append(" KB.\n\n");
        md.append("### Latency per step (ms): gateway, floor (the sandbox called directly), overhead and ratio\n\n");
        md.append("Overhead = gateway percentile minus floor percentile at the same concurrency; ratio = gateway / floor.\n\n");
        md.append("| step | portals | gateway p50 / p95 / p99 | floor p50 / p95 / p99 | overhead p50 / p95 / p99 | ratio p50 / p99 "
                + "| gateway / floor calls per s | gateway 503s |\n|---|---:|---|---|---|---|---|---:|\n");
        Map<Integer, Phase[]> byLevel = new TreeMap<>();
        for (Phase phase : phases) {
            byLevel.computeIfAbsent(phase.level, k -> new Phase[2])[phase.mode.equals("gateway") ? 0 : 1] = phase;
        }
        for (String step : STEPS) {
            for (Map.Entry<Integer, Phase[]> level : byLevel.entrySet()) {
                Phase g = level.getValue()[0];
                Phase f = level.getValue()[1];
                if (g == null || f == null) continue;
                long[] gs = g.sorted(step);
                long[] fs = f.sorted(step);
                md.append("| ").append(step).append(" | ").append(level.getKey()).append(" | ")
                        .append(triple(gs)).append(" | ").append(triple(fs)).append(" | ")
                        .append(ms(p(gs, 50) - p(fs, 50))).append(" / ").append(ms(p(gs, 95) - p(fs, 95))).append(" / ")
                        .append(ms(p(gs, 99) - p(fs, 99))).append(" | ")
                        .append(f2(ratio(p(gs, 50), p(fs, 50)))).append(" / ").append(f2(ratio(p(gs, 99), p(fs, 99))))
                        .append(" | ").append(f1(gs.length / g.seconds())).append(" / ").append(f1(fs.length / f.seconds()))
                        .append(" | ").append(g.errorCount(step)).append(" |\n");
            }
        }
        md.append("\n### Whole flows, server CPU and heap per phase\n\n");
        md.append("Server CPU: the gateway JVM's user+system time (/proc/PID/stat) over the phase, in cores (the machine "
                + (separateSandbox
                    ? "has 2; the sandbox runs in a JVM of its own: the floor's server CPU, heap and GCs are that JVM's, the "
                        + "gateway's are the gateway JVM's alone, without the sandbox serving it). Client: this "
                    : "has 2; the sandbox runs in the same JVM, so the floor's server CPU is the sandbox's own). Client: this ")
                + "benchmark's JVM. Machine: share of all cores busy (/proc/stat), other users included. Heap: used heap "
                + "right after a full GC before the phase (baseline), its peak sampled every 100 ms by jstat, and the "
                + "highest occupancy left after any GC during the phase. JIT: the part of the server CPU spent by the JVM's "
                + "compiler threads (C1, C2), from /proc/PID/task; near 0 once the code the phase runs is compiled.\n\n");
        md.append("Before the phases: ").append(warmupSummary).append(".\n\n");
        md.append("Server CPU with no request, measured after the warm-up: ").append(f2(idleCores))
                .append(separateSandbox ? " cores (gateway), " + f2(sandboxIdleCores) + " cores (sandbox)." : " cores.")
                .append(" Server CPU per flow = (server CPU cores - idle) x seconds / flows.\n\n");
        md.append("| mode | portals | flows | flows per s | flow p50 / p99 ms | failed flows | server CPU cores | of it JIT "
                + "| server CPU ms per flow | client CPU cores | machine busy | heap baseline / peak / max after GC MB | GCs |\n"
                + "|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---|---:|\n");
        for (Phase phase : phases) {
            long[] flows = phase.sortedFlows();
            md.append("| ").append(phase.mode).append(" | ").append(phase.level).append(" | ").append(flows.length)
                    .append(" | ").append(f1(flows.length / phase.seconds())).append(" | ").append(ms(p(flows, 50)))
                    .append(" / ").append(ms(p(flows, 99))).append(" | ").append(phase.flowsFailed.get()).append(" | ")
                    .append(f2(phase.serverCpuSeconds / phase.seconds())).append(" | ")
                    .append(f2(phase.jitCpuSeconds / phase.seconds())).append(" | ")
                    .append(flows.length == 0 ? "-" : f1(1000 * (phase.serverCpuSeconds - idleCoresOf(phase.mode) * phase.seconds())
                            / flows.length)).append(" | ")
                    .append(f2(phase.clientCpuSeconds / phase.seconds())).append(" | ")
                    .append(String.format(Locale.ROOT, "%.0f%%", phase.machineBusy * 100)).append(" | ")
                    .append(mb(phase.heapBaseline)).append(" / ").append(mb(phase.heapPeak)).append(" / ")
                    .append(mb(phase.maxAfterGc)).append(" | ").append(phase.gcs).append(" |\n");
        }
        md.append("\n### Live heap per verification in flight\n\n");
        md.append("n start-verification requests held in flight at once (the sandbox sits on each for a while before "
                + "reading it); live heap = total of a class histogram (after a full GC), before and while they wait.\n\n");
        md.append("| mode | in flight | live before MB | live during MB | growth per request KB | request body KB | growth / body |"
                + "\n|---|---:|---:|---:|---:|---:|---:|\n");
        for (long[] r : inFlight) {
            double per = (double) (r[2] - r[1]) / r[0];
            md.append("| ").append(r[4] == 1 ? "gateway" : "floor").append(" | ").append(r[0]).append(" | ")
                    .append(mb(r[1])).append(" | ").append(mb(r[2])).append(" | ").append(kb((long) per)).append(" | ")
                    .append(kb(r[3])).append(" | ").append(f2(per / r[3])).append(" |\n");
        }
        md.append("\n### Answers other than 2xx, per phase (each attempt)\n\n| mode | portals | what | n |\n|---|---:|---|---:|\n");
        boolean any = false;
        for (Phase phase : phases) {
            for (Map.Entry<String, AtomicInteger> e : new TreeMap<>(phase.errors).entrySet()) {
                md.append("| ").append(phase.mode).append(" | ").append(phase.level).append(" | ").append(e.getKey())
                        .append(" | ").append(e.getValue().get()).append(" |\n");
                any = true;
            }
        }
        if (!any) md.append("| - | - | none | 0 |\n");
        return md.toString();
    }

    // ---- the server process

    /** The JVM that serves a mode's requests: the gateway's, or for the floor the sandbox's. */
    long pidOf(String mode) {
        return mode.equals("gateway") ? serverPid : sandboxPid;
    }

    double idleCoresOf(String mode) {
        return mode.equals("gateway") ? idleCores : sandboxIdleCores;
    }

    // ---- small helpers

    int num(String name, int fallback) {
        return Integer.parseInt(options.getOrDefault(name, Integer.toString(fallback)));
    }

    static HttpRequest.BodyPublisher json(String s) {
        return HttpRequest.BodyPublishers.ofString(s);
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    static long p(long[] sorted, int percentile) {
        if (sorted.length == 0) return 0;
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static String triple(long[] s) {
        return s.length == 0 ? "-" : ms(p(s, 50)) + " / " + ms(p(s, 95)) + " / " + ms(p(s, 99));
    }

    static double ratio(long a, long b) {
        return b == 0 ? 0 : (double) a / b;
    }

    static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.0f", bytes / 1048576.0);
    }

    static String kb(long bytes) {
        return String.format(Locale.ROOT, "%.0f", bytes / 1024.0);
    }
}
