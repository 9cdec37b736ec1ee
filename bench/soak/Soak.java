package soak;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bounded soak of the gateway (issue 5): N portals run the whole FaceTec flow concurrently while a fault
 * injector plans sandbox faults at a set rate; then, after a settle period, the gateway's own database
 * (and the sandbox's state) is checked for lost flows and duplicated upstream calls. Prints a Markdown
 * report on stdout; progress goes to stderr.
 *
 * bench/soak/run.sh compiles and runs it:
 * java -cp target/soak/classes:postgresql.jar soak.Soak --base http://127.0.0.1:38080 --token T --jdbc URL [options]
 */
public class Soak {

    /** The sandbox control hooks' own secret (bench/lib.sh exports it and gives it to the server). */
    static final String CONTROL_SECRET = System.getenv().getOrDefault("SANDBOX_CONTROL_SECRET", "");

    static final Map<String, String> opt = new HashMap<>(Map.of(
            "portals", "16", "seconds", "120", "max-flows", "600", "fault-every-ms", "2000",
            "fault-delay-ms", "7000", "poll-seconds", "60", "settle-seconds", "60", "seed", "5"));
    static final String[] OUTCOMES = {"accepted", "inconclusive", "rejected-match", "rejected-liveness", "failed"};
    static final String[] FAULTS = {"5xx", "429", "timeout", "reset", "malformed"};
    static final String[] OPERATIONS = {"createProcess", "setImages", "startVerification", "getProcess", "getZipFile"};
    // a 1x1 PNG: the gateway checks the bytes, the sandbox does not look further
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC");
    static final Pattern PROBLEM_TYPE = Pattern.compile("urn:assure-gateway:problem:([a-z-]+)");

    static String base, token, runId;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> portalErrors = new ConcurrentSkipListMap<>();
    static final Map<String, AtomicInteger> faultsPlanned = new ConcurrentSkipListMap<>();
    static final List<Flow> flows = Collections.synchronizedList(new ArrayList<>());

    /** What one portal knows about one end-user's flow. */
    static final class Flow {
        final String reference, outcome;
        String dossierId, processId, verification = "not-requested", finalStatus, gaveUpAt;

        Flow(String reference, String outcome) {
            this.reference = reference;
            this.outcome = outcome;
        }
    }

    record Answer(int status, String body, long ms) {
    }

    public static void main(String[] args) throws Exception {
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        base = opt.get("base");
        token = opt.get("token");
        runId = Long.toString(System.currentTimeMillis(), 36);
        int portals = num("portals"), maxFlows = num("max-flows");
        long driveEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(num("seconds"));
        AtomicInteger started = new AtomicInteger();

        Thread injector = new Thread(Soak::injectFaults, "fault-injector");
        injector.setDaemon(true);
        injector.start();
        ExecutorService pool = Executors.newFixedThreadPool(portals);
        long driveStarted = System.nanoTime();
        for (int p = 0; p < portals; p++) {
            pool.submit(() -> {
                int n;
                while (System.nanoTime() < driveEnd && (n = started.incrementAndGet()) <= maxFlows) {
                    Flow flow = new Flow("soak-" + runId + "-" + n,
                            OUTCOMES[ThreadLocalRandom.current().nextInt(OUTCOMES.length)]);
                    flows.add(flow);
                    try {
                        runFlow(flow);
                    } catch (Exception e) {
                        flow.gaveUpAt = "exception " + e;
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(num("seconds") + num("poll-seconds") + 120L, TimeUnit.SECONDS);
        injector.interrupt();
        long driveSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - driveStarted);
        send("faults.clear", () -> HttpRequest.newBuilder(URI.create(base + "/sandbox/control/faults")).header("X-Sandbox-Control-Secret", CONTROL_SECRET).DELETE());
        System.err.printf("drive done: %d flows in %d s; settling%n", flows.size(), driveSeconds);

        try (Connection db = DriverManager.getConnection(opt.get("jdbc"), "postgres", "postgres")) {
            long settleSeconds = settle(db);
            report(db, driveSeconds, settleSeconds);
        }
    }

    /** One end-user through the whole flow, retrying like a well-behaved portal. */
    static void runFlow(Flow flow) throws InterruptedException {
        Answer dossier = step("createDossier", "POST", "/api/v1/dossiers", json("{\"externalReference\":\"" + flow.reference + "\"}"),
                "application/json", key());
        if (!ok(dossier, flow, "createDossier")) return;
        flow.dossierId = field(dossier.body, "dossierId");
        String d = "/api/v1/dossiers/" + flow.dossierId;

        Answer process = step("createProcess", "POST", d + "/processes", json("{\"provider\":\"facetec\"}"), "application/json", key());
        if (!ok(process, flow, "createProcess")) return;
        flow.processId = field(process.body, "processId");
        String p = d + "/processes/" + flow.processId;

        if (!ok(step("setSelfie", "PUT", p + "/selfie", PNG, "image/png", null), flow, "setSelfie")) return;
        requestVerification(flow, p);
        if (flow.verification.equals("gave-up")) return;

        // poll until final (bounded); a verification the gateway reopened as never started is asked for again
        long pollEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(num("poll-seconds"));
        while (System.nanoTime() < pollEnd) {
            Answer a = step("getProcess", "GET", p, null, null, null);
            String status = a.status == 200 ? field(a.body, "status") : null;
            if (status != null && !status.equals("pending") && !status.equals("processing")) {
                flow.finalStatus = status;
                return;
            }
            if ("pending".equals(status) && field(a.body, "verificationStartedAt") == null && flow.verification.equals("unknown")) {
                requestVerification(flow, p);
            }
            Thread.sleep(500);
        }
        flow.gaveUpAt = "poll";
    }

    /** POST verification; 409 after an attempt whose answer never came means the request did reach the gateway. */
    static void requestVerification(Flow flow, String p) throws InterruptedException {
        String outcomeMarker = "facetec|sdk|web|soak|sandbox:" + flow.outcome;
        // a fresh faceScan per flow: the gateway refuses a replayed one
        String faceScan = Base64.getEncoder().encodeToString((flow.reference + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        byte[] body = json("{\"facetecEnrollment\":{\"faceScan\":\"" + faceScan + "\",\"auditTrailImage\":\"/9j/4AAQ\","
                + "\"lowQualityAuditTrailImage\":\"/9j/4AAQ\",\"userAgent\":\"" + outcomeMarker + "\"},\"imageDepiction\":\"selfie\"}");
        Answer a = step("startVerification", "POST", p + "/verification", body, "application/json", key());
        if (a.status == 202) {
            flow.verification = "202";
        } else if (a.status == 409 || transientStatus(a.status) || a.status == -1) {
            flow.verification = "unknown";
        } else {
            flow.verification = "gave-up";
            flow.gaveUpAt = "startVerification " + a.status;
        }
    }

    /** One step with the portal's retries: 502/503/504 and dropped connections, after Retry-After, same key. */
    static Answer step(String name, String method, String path, byte[] body, String type, String idempotencyKey)
            throws InterruptedException {
        long started = System.nanoTime();
        Answer a = null;
        for (int attempt = 1; attempt <= 6; attempt++) {
            Supplier<HttpRequest.Builder> request = () -> {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token)
                        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
                if (type != null) b.header("Content-Type", type);
                if (idempotencyKey != null) b.header("Idempotency-Key", idempotencyKey);
                return b;
            };
            a = send(name, request);
            if (a.status >= 200 && a.status < 300 || !(transientStatus(a.status) || a.status == -1 || a.status == 409 && a.body.contains("idempotency-key-in-use"))) {
                break;
            }
            Thread.sleep(Math.min(5000, retryAfterMs(a)));
        }
        latencies.computeIfAbsent(name, k -> Collections.synchronizedList(new ArrayList<>())).add((System.nanoTime() - started) / 1_000_000);
        return a;
    }

    static Answer send(String name, Supplier<HttpRequest.Builder> request) {
        long t = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(request.get().build(), HttpResponse.BodyHandlers.ofString());
            retryAfter.set(r.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L) * 1000);
            if (r.statusCode() >= 400) {
                Matcher m = PROBLEM_TYPE.matcher(r.body());
                count(portalErrors, name + " " + r.statusCode() + " " + (m.find() ? m.group(1) : "-"));
            }
            return new Answer(r.statusCode(), r.body(), (System.nanoTime() - t) / 1_000_000);
        } catch (Exception e) {
            count(portalErrors, name + " io " + e.getClass().getSimpleName());
            retryAfter.set(1000L);
            return new Answer(-1, "", (System.nanoTime() - t) / 1_000_000);
        }
    }

    static final ThreadLocal<Long> retryAfter = ThreadLocal.withInitial(() -> 1000L);

    static long retryAfterMs(Answer a) {
        return retryAfter.get();
    }

    static boolean transientStatus(int s) {
        return s == 502 || s == 503 || s == 504;
    }

    static boolean ok(Answer a, Flow flow, String step) {
        if (a.status >= 200 && a.status < 300) return true;
        flow.gaveUpAt = step + " " + a.status;
        return false;
    }

    /** Plans one random fault on one random operation every fault-every-ms; a timeout waits past the read timeout. */
    static void injectFaults() {
        Random random = new Random(num("seed"));
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(num("fault-every-ms"));
            } catch (InterruptedException e) {
                return;
            }
            String fault = FAULTS[random.nextInt(FAULTS.length)], op = OPERATIONS[random.nextInt(OPERATIONS.length)];
            long delay = fault.equals("timeout") ? num("fault-delay-ms") : 0;
            byte[] plan = json("{\"fault\":\"" + fault + "\",\"operation\":\"" + op + "\",\"times\":1,\"delayMs\":" + delay + "}");
            Answer a = send("faults.plan", () -> HttpRequest.newBuilder(URI.create(base + "/sandbox/control/faults")).header("X-Sandbox-Control-Secret", CONTROL_SECRET)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(plan)));
            if (a.status == 204) count(faultsPlanned, fault + " on " + op);
        }
    }

    /** Waits until the follow-up has nothing left to do (no next_check_at), or settle-seconds. */
    static long settle(Connection db) throws SQLException, InterruptedException {
        long t = System.nanoTime(), end = t + TimeUnit.SECONDS.toNanos(num("settle-seconds"));
        while (System.nanoTime() < end && scalar(db, "SELECT count(*) FROM verification_process WHERE next_check_at IS NOT NULL") > 0) {
            Thread.sleep(1000);
        }
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t);
    }

    // ---- report ----

    static void report(Connection db, long driveSeconds, long settleSeconds) throws Exception {
        StringBuilder out = new StringBuilder();
        Map<String, String> status = new HashMap<>(), started = new HashMap<>(), linked = new HashMap<>(), nextCheck = new HashMap<>();
        try (ResultSet r = db.createStatement().executeQuery("SELECT id, lower(status), verification_started_at IS NOT NULL, "
                + "assure_process_id, next_check_at IS NOT NULL FROM verification_process")) {
            while (r.next()) {
                status.put(r.getString(1), r.getString(2));
                started.put(r.getString(1), r.getBoolean(3) ? "t" : "f");
                if (r.getString(4) != null) linked.put(r.getString(1), r.getString(4));
                nextCheck.put(r.getString(1), r.getBoolean(5) ? "t" : "f");
            }
        }
        Set<String> finalStatuses = Set.of("accepted", "rejected", "inconclusive", "canceled", "failed", "expired");
        int accepted202 = 0, unknown = 0, completed = 0, resumable = 0, lost = 0, stillFollowed = 0, portalSawFinal = 0;
        List<String> lostList = new ArrayList<>();
        Map<String, AtomicInteger> byMarker = new TreeMap<>(), gaveUp = new TreeMap<>();
        for (Flow f : flows) {
            if (f.gaveUpAt != null) count(gaveUp, f.gaveUpAt.replaceAll("[0-9a-f-]{36}", "…"));
            if (f.finalStatus != null) portalSawFinal++;
            if (f.processId == null) continue;
            String s = status.get(f.processId);
            boolean isFinal = s != null && finalStatuses.contains(s);
            if (f.verification.equals("202")) accepted202++;
            if (f.verification.equals("unknown")) unknown++;
            if (isFinal) {
                completed++;
                count(byMarker, f.outcome + " -> " + s);
            } else if ("pending".equals(s) && "f".equals(started.get(f.processId)) && linked.containsKey(f.processId)) {
                resumable++;
            } else if ("t".equals(nextCheck.get(f.processId))) {
                stillFollowed++;
            } else {
                lost++;
                lostList.add(f.processId + " (" + s + ", portal: verification " + f.verification + ")");
            }
        }
        // processes the portal never heard of: reservations repaired or dropped after an answer was lost
        long unknownToPortal = status.size() - flows.stream().filter(f -> f.processId != null).count();
        long unknownToPortalNotFinal = scalar(db, "SELECT count(*) FROM verification_process WHERE lower(status) IN ('pending','processing') "
                + "AND (verification_started_at IS NOT NULL AND next_check_at IS NULL)");

        line(out, "## Figures");
        line(out, "");
        line(out, "| figure | value |\n|---|---|");
        line(out, "| portals / drive / settle | %s / %d s / %d s |", opt.get("portals"), driveSeconds, settleSeconds);
        line(out, "| flows started (dossier requested) | %d |", flows.size());
        line(out, "| flows with a process | %d |", flows.stream().filter(f -> f.processId != null).count());
        line(out, "| verifications answered 202 / outcome unknown to the portal | %d / %d |", accepted202, unknown);
        line(out, "| **completed**: process final in the database | **%d** |", completed);
        line(out, "| final status seen by the portal within its polling | %d |", portalSawFinal);
        line(out, "| resumable: pending, linked at Assure, no verification started (portal gave up before it) | %d |", resumable);
        line(out, "| still followed up after settling | %d |", stillFollowed);
        line(out, "| **lost**: neither final nor resumable nor followed up | **%d** |", lost);
        line(out, "| started-but-stuck processes anywhere in the database (started, not final, no follow-up) | %d |", unknownToPortalNotFinal);
        line(out, "| processes in the database the portal never got an id for | %d |", unknownToPortal);
        duplicates(db, out);
        fullResults(out);
        line(out, "");
        line(out, "### Latency per step as seen by the portal (ms, including the portal's retries)");
        line(out, "");
        line(out, "| step | n | p50 | p95 | p99 | max |\n|---|---|---|---|---|---|");
        for (String step : List.of("createDossier", "createProcess", "setSelfie", "startVerification", "getProcess")) {
            List<Long> l = new ArrayList<>(latencies.getOrDefault(step, List.of()));
            Collections.sort(l);
            if (l.isEmpty()) continue;
            line(out, "| %s | %d | %d | %d | %d | %d |", step, l.size(), pct(l, 50), pct(l, 95), pct(l, 99), l.get(l.size() - 1));
        }
        table(out, "Faults planned (one call each)", "fault on operation", faultsPlanned);
        Map<String, AtomicInteger> upstream = new TreeMap<>();
        try (ResultSet r = db.createStatement().executeQuery("SELECT action || ' ' || outcome || coalesce(' ' || http_status, ''), count(*) "
                + "FROM audit_event WHERE kind = 'UPSTREAM' AND outcome <> 'ok' GROUP BY 1")) {
            while (r.next()) upstream.put(r.getString(1), new AtomicInteger(r.getInt(2)));
        }
        table(out, "Upstream calls that did not succeed, from the audit trail", "action outcome status", upstream);
        table(out, "Portal-visible errors (every attempt)", "step status problem type", portalErrors);
        table(out, "Flows the portal gave up on (at step, status)", "where", gaveUp);
        table(out, "Final status by sandbox outcome marker", "marker -> status", byMarker);
        if (!lostList.isEmpty()) {
            line(out, "\nLost processes: %s", String.join(", ", lostList));
        }
        System.out.print(out);
        System.err.printf("completed=%d lost=%d%n", completed, lost);
    }

    /**
     * Duplicated upstream calls, counted from the audit trail (a call "reached Assure" when it was answered or
     * timed out or lost its answer: the sandbox carries those out), and cross-checked against the sandbox.
     */
    static void duplicates(Connection db, StringBuilder out) throws Exception {
        String reached = "outcome IN ('ok','timeout','unreachable')";
        line(out, "| **duplicated**: dossiers with more than one successful `assure.createDossier` | **%d** |", scalar(db,
                "SELECT count(*) FROM (SELECT dossier_id FROM audit_event WHERE action='assure.createDossier' AND outcome='ok' GROUP BY 1 HAVING count(*) > 1) x"));
        line(out, "| **duplicated**: processes with more than one successful `assure.createProcess` | **%d** |", scalar(db,
                "SELECT count(*) FROM (SELECT process_id FROM audit_event WHERE action='assure.createProcess' AND outcome='ok' GROUP BY 1 HAVING count(*) > 1) x"));
        line(out, "| **duplicated**: processes with more than one successful `assure.startVerification` | **%d** |", scalar(db,
                "SELECT count(*) FROM (SELECT process_id FROM audit_event WHERE action='assure.startVerification' AND outcome='ok' GROUP BY 1 HAVING count(*) > 1) x"));
        line(out, "| dossiers / processes whose create reached Assure more than once (ok, timeout or lost answer) | %d / %d |",
                scalar(db, "SELECT count(*) FROM (SELECT dossier_id FROM audit_event WHERE action='assure.createDossier' AND " + reached + " GROUP BY 1 HAVING count(*) > 1) x"),
                scalar(db, "SELECT count(*) FROM (SELECT process_id FROM audit_event WHERE action='assure.createProcess' AND " + reached + " GROUP BY 1 HAVING count(*) > 1) x"));
        line(out, "| processes whose startVerification reached Assure more than once | %d |",
                scalar(db, "SELECT count(*) FROM (SELECT process_id FROM audit_event WHERE action='assure.startVerification' AND " + reached + " GROUP BY 1 HAVING count(*) > 1) x"));
        line(out, "| Assure ids linked twice (dossiers / processes) | %d / %d |",
                scalar(db, "SELECT count(*) FROM (SELECT assure_dossier_id FROM dossier WHERE assure_dossier_id IS NOT NULL GROUP BY 1 HAVING count(*) > 1) x"),
                scalar(db, "SELECT count(*) FROM (SELECT assure_process_id FROM verification_process WHERE assure_process_id IS NOT NULL GROUP BY 1 HAVING count(*) > 1) x"));
        line(out, "| dossiers with more than one process in the gateway (the portal asked for one each) | %d |",
                scalar(db, "SELECT count(*) FROM (SELECT dossier_id FROM verification_process GROUP BY 1 HAVING count(*) > 1) x"));

        // the sandbox's own view: every Assure process of every dossier must be linked to exactly one gateway process
        String sandboxToken = sandboxToken();
        Map<String, String> assureDossiers = new HashMap<>();
        try (ResultSet r = db.createStatement().executeQuery("SELECT id, assure_dossier_id FROM dossier WHERE assure_dossier_id IS NOT NULL")) {
            while (r.next()) assureDossiers.put(r.getString(1), r.getString(2));
        }
        Set<String> linkedProcesses = new HashSet<>();
        try (ResultSet r = db.createStatement().executeQuery("SELECT assure_process_id FROM verification_process WHERE assure_process_id IS NOT NULL")) {
            while (r.next()) linkedProcesses.add(r.getString(1));
        }
        int assureProcesses = 0, orphans = 0;
        for (String assureDossier : assureDossiers.values()) {
            Answer a = send("sandbox.getDossier", () -> HttpRequest.newBuilder(URI.create(base + "/sandbox/assure/dossiers/" + assureDossier))
                    .header("Authorization", "Bearer " + sandboxToken));
            Matcher m = Pattern.compile("\"processId\"\\s*:\\s*\"([^\"]+)\"").matcher(a.body);
            while (m.find()) {
                assureProcesses++;
                if (!linkedProcesses.contains(m.group(1))) orphans++;
            }
        }
        line(out, "| Assure processes in the sandbox (in the gateway's dossiers) / not linked to any gateway process | %d / %d |", assureProcesses, orphans);
    }

    /** Every completed flow's full result, as the portal gets it: it must be a zip (starts with "PK"). */
    static void fullResults(StringBuilder out) {
        int zips = 0, notZip = 0, unavailable = 0;
        List<String> bad = new ArrayList<>();
        for (Flow f : flows) {
            if (f.finalStatus == null) continue;
            try {
                HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/dossiers/" + f.dossierId
                        + "/processes/" + f.processId + "/full-result")).header("Authorization", "Bearer " + token).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() != 200) unavailable++;
                else if (r.body().length > 1 && r.body()[0] == 'P' && r.body()[1] == 'K') zips++;
                else {
                    notZip++;
                    bad.add(f.processId + " (" + r.body().length + " bytes, " + r.headers().firstValue("X-Full-Result-Source").orElse("?") + ")");
                }
            } catch (Exception e) {
                unavailable++;
            }
        }
        line(out, "| full results served to the portal: zip / **not a zip** / not available | %d / **%d** / %d |", zips, notZip, unavailable);
        if (!bad.isEmpty()) line(out, "| full results that are not a zip | %s |", String.join(", ", bad));
    }

    static String sandboxToken() {
        String basic = Base64.getEncoder().encodeToString("sandbox-client:sandbox-secret".getBytes(StandardCharsets.UTF_8));
        Answer a = send("sandbox.token", () -> HttpRequest.newBuilder(URI.create(base + "/sandbox/auth/open/connect/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=signicat-api")));
        return field(a.body, "access_token");
    }

    // ---- small helpers ----

    static void table(StringBuilder out, String title, String header, Map<String, AtomicInteger> counts) {
        line(out, "\n### %s\n\n| %s | n |\n|---|---|", title, header);
        counts.forEach((k, v) -> line(out, "| %s | %d |", k, v.get()));
        if (counts.isEmpty()) line(out, "| (none) | 0 |");
    }

    static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(format, args)).append('\n');
    }

    static long pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static long scalar(Connection db, String sql) throws SQLException {
        try (ResultSet r = db.createStatement().executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    static void count(Map<String, AtomicInteger> map, String key) {
        map.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String key() {
        return UUID.randomUUID().toString();
    }

    static int num(String name) {
        return Integer.parseInt(opt.get(name));
    }
}
