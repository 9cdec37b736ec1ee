package fleet;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fleet bench's portals (issue 16): N portals run whole FaceTec flows through the load balancer while
 * bench/fleet/run.sh restarts, kills and cuts what is behind it, naming the current phase in a file. Every
 * answer that is not a success is counted against the phase it happened in (by status; "io" for a connection
 * that failed or was reset); the portal then does what a real one does: waits Retry-After and repeats the call
 * with the same Idempotency-Key. At the end the gateways' database tells which flows were lost (never final)
 * and which Assure calls were made twice. Prints a Markdown report on stdout.
 *
 * java -cp classes:postgresql.jar fleet.FleetBench --base URL --token T --jdbc URL --phase-file F [--portals 6]
 */
public class FleetBench {

    static final Map<String, String> opt = new HashMap<>(Map.of("portals", "6", "settle-seconds", "90",
            "give-up-seconds", "120"));
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC");
    static final Pattern ID = Pattern.compile("\"(dossierId|processId|status)\"\\s*:\\s*\"([^\"]+)\"");
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();

    static String base, token;
    static Path phaseFile;
    static volatile String phase = "start";
    static final Map<String, Long> phaseStart = new ConcurrentHashMap<>();
    static final Map<String, Map<String, AtomicInteger>> failures = new ConcurrentHashMap<>();
    static final Map<String, Long> lastFailure = new ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> retryAfterMissing = new ConcurrentHashMap<>();
    static final List<Flow> flows = Collections.synchronizedList(new ArrayList<>());

    static final class Flow {
        final String phase;
        String dossierId, processId, status, gaveUp;
        boolean accepted;

        Flow(String phase) {
            this.phase = phase;
        }
    }

    public static void main(String[] args) throws Exception {
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        base = opt.get("base");
        token = opt.get("token");
        phaseFile = Path.of(opt.get("phase-file"));
        phaseStart.put(phase, System.currentTimeMillis());
        Thread watcher = new Thread(FleetBench::watchPhase, "phase");
        watcher.setDaemon(true);
        watcher.start();
        List<Thread> portals = new ArrayList<>();
        for (int i = 0; i < Integer.parseInt(opt.get("portals")); i++) {
            Thread portal = new Thread(FleetBench::portal, "portal-" + i);
            portals.add(portal);
            portal.start();
        }
        for (Thread portal : portals) {
            portal.join();
        }
        System.out.println(report());
    }

    static void watchPhase() {
        while (true) {
            try {
                String now = Files.exists(phaseFile) ? Files.readString(phaseFile).trim() : "start";
                if (!now.isEmpty() && !now.equals(phase)) {
                    phaseStart.putIfAbsent(now, System.currentTimeMillis());
                    System.err.println("phase " + now);
                    phase = now;
                }
                Thread.sleep(100);
            } catch (IOException | InterruptedException e) {
                return;
            }
        }
    }

    static void portal() {
        while (!phase.equals("stop")) {
            Flow flow = new Flow(phase);
            flows.add(flow);
            try {
                flow.dossierId = field(call("POST", "api/v1/dossiers", "{\"externalReference\":\"fleet-"
                        + UUID.randomUUID() + "\"}", 201, 200), "dossierId");
                String processes = "api/v1/dossiers/" + flow.dossierId + "/processes";
                flow.processId = field(call("POST", processes, "{\"provider\":\"facetec\"}", 201), "processId");
                String process = processes + "/" + flow.processId;
                call("PUT", process + "/selfie", PNG, "image/png", 204);
                call("POST", process + "/verification", enrollment(), 202, 409);
                if (LAST_STATUS.get() == 409) {
                    // an earlier attempt of this start reached an instance that died: the process is under way
                    // (the follow-up resolves it); the portal goes on to poll, and the 409 counts as failed
                    countFailure("POST 409 (verification already under way)");
                }
                flow.accepted = true;
                long until = System.currentTimeMillis() + 90_000;
                while (System.currentTimeMillis() < until) {
                    String status = field(call("GET", process, null, 200), "status");
                    if (!status.equals("pending") && !status.equals("processing")) {
                        flow.status = status;
                        break;
                    }
                    Thread.sleep(1000);
                }
            } catch (GaveUp e) {
                flow.gaveUp = e.getMessage();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    static final class GaveUp extends Exception {
        GaveUp(String message) {
            super(message);
        }
    }

    static String call(String method, String path, String json, int... ok) throws GaveUp, InterruptedException {
        return call(method, path, json == null ? null : json.getBytes(StandardCharsets.UTF_8), "application/json", ok);
    }

    /** One portal call, repeated as a portal would (same Idempotency-Key, after Retry-After) until it succeeds. */
    static String call(String method, String path, byte[] body, String type, int... ok) throws GaveUp, InterruptedException {
        String key = UUID.randomUUID().toString();
        long giveUp = System.currentTimeMillis() + Long.parseLong(opt.get("give-up-seconds")) * 1000;
        while (true) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/" + path))
                    .timeout(Duration.ofSeconds(70)).header("Authorization", "Bearer " + token);
            if (body != null) {
                request.header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
                if (method.equals("POST")) {
                    request.header("Idempotency-Key", key);
                }
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            String outcome;
            long wait = 1000;
            try {
                HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                for (int status : ok) {
                    if (answer.statusCode() == status) {
                        LAST_STATUS.set(status);
                        return answer.body();
                    }
                }
                outcome = String.valueOf(answer.statusCode());
                var retryAfter = answer.headers().firstValue("Retry-After");
                if (retryAfter.isPresent()) {
                    wait = Long.parseLong(retryAfter.get()) * 1000;
                } else if (answer.statusCode() >= 500) {
                    retryAfterMissing.computeIfAbsent(phase, p -> new AtomicInteger()).incrementAndGet();
                }
            } catch (IOException e) {
                outcome = "io (" + e.getClass().getSimpleName() + ")";
            }
            countFailure(method + " " + outcome);
            if (System.currentTimeMillis() > giveUp) {
                throw new GaveUp(method + " " + path + ": " + outcome);
            }
            Thread.sleep(wait);
        }
    }

    static final ThreadLocal<Integer> LAST_STATUS = new ThreadLocal<>();

    static void countFailure(String what) {
        String now = phase;
        failures.computeIfAbsent(now, p -> new ConcurrentHashMap<>())
                .computeIfAbsent(what, o -> new AtomicInteger()).incrementAndGet();
        lastFailure.put(now, System.currentTimeMillis());
    }

    static String field(String json, String name) {
        Matcher m = ID.matcher(json);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2);
            }
        }
        throw new IllegalStateException("no " + name + " in " + json);
    }

    static String enrollment() {
        byte[] scan = new byte[2048];
        new SecureRandom().nextBytes(scan);
        String png = Base64.getEncoder().encodeToString(PNG);
        return "{\"facetecEnrollment\":{\"faceScan\":\"" + Base64.getEncoder().encodeToString(scan)
                + "\",\"auditTrailImage\":\"" + png + "\",\"lowQualityAuditTrailImage\":\"" + png
                + "\",\"userAgent\":\"facetec|sdk|web|fleet|sandbox:accepted\"},\"imageDepiction\":\"selfie\"}";
    }

    static String report() throws Exception {
        StringBuilder out = new StringBuilder();
        Map<String, String> dbStatus = new HashMap<>();
        Map<String, Integer> duplicated = new HashMap<>();
        long settleUntil = System.currentTimeMillis() + Long.parseLong(opt.get("settle-seconds")) * 1000;
        try (Connection db = DriverManager.getConnection(opt.get("jdbc"), opt.getOrDefault("db-user", "postgres"),
                opt.getOrDefault("db-password", "postgres"))) {
            // a flow the portal stopped polling is still followed up by the fleet: give it the settle time
            while (true) {
                dbStatus.clear();
                try (ResultSet r = db.createStatement().executeQuery("SELECT id, status FROM verification_process")) {
                    while (r.next()) {
                        dbStatus.put(r.getString(1), r.getString(2));
                    }
                }
                boolean open = false;
                for (Flow f : List.copyOf(flows)) {
                    if (f.accepted && f.status == null && !isFinal(dbStatus.get(f.processId))) {
                        open = true;
                    }
                }
                if (!open || System.currentTimeMillis() > settleUntil) {
                    break;
                }
                Thread.sleep(2000);
            }
            String[][] checks = {
                    {"assure.createDossier", "dossier_id"}, {"assure.createProcess", "process_id"},
                    {"assure.startVerification", "process_id"}};
            for (String[] check : checks) {
                try (PreparedStatement s = db.prepareStatement("SELECT " + check[1] + " FROM audit_event WHERE action = ?"
                        + " AND outcome = 'ok' GROUP BY " + check[1] + " HAVING count(*) > 1")) {
                    s.setString(1, check[0]);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            duplicated.put(r.getString(1), duplicated.getOrDefault(r.getString(1), 0) + 1);
                        }
                    }
                }
            }
        }
        List<String> order = new ArrayList<>(phaseStart.keySet());
        order.sort((a, b) -> Long.compare(phaseStart.get(a), phaseStart.get(b)));
        order.remove("stop");
        out.append("| phase | flows started | completed | lost | upstream calls duplicated | requests failed (by method and status, "
                + "as the portal saw them) | 5xx without Retry-After | last failure after phase start |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        List<String> lostList = new ArrayList<>();
        for (String p : order) {
            int started = 0, completed = 0, lost = 0, dup = 0;
            for (Flow f : List.copyOf(flows)) {
                if (!f.phase.equals(p)) {
                    continue;
                }
                boolean unfinishedAtStop = f.gaveUp == null && !f.accepted && phase.equals("stop");
                if (unfinishedAtStop && f.dossierId == null) {
                    continue; // cut off by the end of the run before it began
                }
                started++;
                dup += duplicated.getOrDefault(f.dossierId, 0) + duplicated.getOrDefault(f.processId, 0);
                if (f.status != null || isFinal(dbStatus.get(f.processId))) {
                    completed++;
                } else if (f.gaveUp != null || f.accepted) {
                    lost++;
                    lostList.add(f.processId + " (" + (f.gaveUp != null ? "gave up: " + f.gaveUp : "not final: "
                            + dbStatus.get(f.processId)) + ")");
                } else {
                    started--; // still running when the run ended; neither completed nor lost
                }
            }
            Map<String, AtomicInteger> failed = new TreeMap<>(failures.getOrDefault(p, Map.of()));
            Long last = lastFailure.get(p);
            out.append(String.format("| %s | %d | %d | %d | %d | %s | %d | %s |%n", p, started, completed, lost, dup,
                    failed.isEmpty() ? "0" : failed.toString().replaceAll("[{}]", ""),
                    retryAfterMissing.getOrDefault(p, new AtomicInteger()).get(),
                    last == null ? "-" : String.format("%.1f s", (last - phaseStart.get(p)) / 1000.0)));
        }
        if (!lostList.isEmpty()) {
            out.append("\nLost: ").append(String.join(", ", lostList)).append('\n');
        }
        return out.toString();
    }

    static boolean isFinal(String status) {
        return status != null && !status.equals("PENDING") && !status.equals("PROCESSING");
    }
}
