package com.assuregateway.dossiers.boundary;

import static com.assuregateway.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.assuregateway.testsupport.Api;
import com.assuregateway.testsupport.Api.Answer;
import com.assuregateway.testsupport.GatewayTest;
import com.assuregateway.testsupport.Portal;
import com.assuregateway.testsupport.ProblemAssert;
import com.assuregateway.testsupport.TestDatabase;
import com.assuregateway.testsupport.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Assure events webhook against whoever else may reach it: a forged sender, a huge or endless body, an
 * event naming every process, and a flood for one process. The servers of the suite run with the sandbox
 * on and the secret {@code it-event-secret} in the default header (arquillian.xml); the sandbox-off and
 * HMAC setups are in {@link AssureEventsOutsideTheSandboxIT}.
 */
class AssureEventsIT extends GatewayTest {

    private static final String PATH = "api/v1/assure-events";
    private static final String HEADER = "X-Assure-Event-Secret";
    private static final String SECRET = "it-event-secret";
    private static final String PROBLEM = ProblemAssert.PREFIX;

    Api anonymous;
    Portal portal;

    @BeforeEach
    void connect() {
        anonymous = new Api(base);
        portal = new Portal(new Api(base).as(Tokens.portal("events-tenant")));
    }

    @Test
    void aForgedSenderIsAnsweredBeforeItsBodyIsSent() throws IOException {
        // 5 MB announced (within the API's general limit), not one byte sent: an answer can only come if the
        // secret was checked first
        String forged = headersOnly(5_000_000, "wrong-secret");
        assertThat(forged).startsWith("HTTP/1.1 401").contains("application/problem+json")
                .contains(PROBLEM + "unauthorized");
        String tooLarge = headersOnly(5_000_000, SECRET);
        assertThat(tooLarge).as("the sender is right, the announced body is not").startsWith("HTTP/1.1 413")
                .contains(PROBLEM + "payload-too-large").contains("An Assure event is at most 65536 bytes");
    }

    @Test
    void anEndlessBodyWithoutContentLengthIsCutAtTheLimit() throws Exception {
        byte[] body = ("{\"processId\":\"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(URI.create(base + PATH))
                .header("Content-Type", "application/json").header(HEADER, SECRET)
                // a stream of unknown length goes chunked, without Content-Length
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
        assertThat(answer.body()).contains(PROBLEM + "payload-too-large");
    }

    @Test
    void theSenderIsCheckedBeforeTheBodyIsParsed() {
        assertProblem(anonymous.postWithHeader(PATH, "{not json", HEADER, "guess"), 401, "unauthorized");
        assertProblem(anonymous.post(PATH, "{not json"), 401, "unauthorized");
        assertProblem(anonymous.postWithHeader(PATH, "{not json", HEADER, SECRET), 400, "malformed-body");
        assertProblem(anonymous.postWithHeader(PATH, "{}", HEADER, SECRET + "x"), 401, "unauthorized");
        assertProblem(anonymous.postWithHeader(PATH, "{}", HEADER, SECRET.substring(1)), 401, "unauthorized");
    }

    @Test
    void anEventNamingMoreProcessesThanTheCapIsRefusedAndSchedulesNothing() {
        String[] ids = startedProcess();
        JsonArrayBuilder many = Json.createArrayBuilder();
        many.add(Json.createObjectBuilder().add("processId", ids[2]));
        for (int i = 0; i < 100; i++) {
            many.add(Json.createObjectBuilder().add("processId", "unknown-" + i));
        }
        Answer refused = anonymous.postWithHeader(PATH, Json.createObjectBuilder().add("eventName", "process.complete")
                .add("eventData", many).build().toString(), HEADER, SECRET);
        assertProblem(refused, 413, "payload-too-large");
        assertThat(TestDatabase.events(ids[1])).noneMatch(e -> e.contains("followup.requested"));

        JsonArrayBuilder hundred = Json.createArrayBuilder();
        for (int i = 0; i < 99; i++) {
            hundred.add(Json.createObjectBuilder().add("processId", "unknown-" + i));
        }
        hundred.add(Json.createObjectBuilder().add("processId", ids[2]));
        Answer atTheCap = anonymous.postWithHeader(PATH, Json.createObjectBuilder().add("eventData", hundred).build()
                .toString(), HEADER, SECRET);
        assertThat(atTheCap.status()).as(atTheCap.toString()).isEqualTo(202);
        assertThat(atTheCap.json().getInt("processIdsFound")).isEqualTo(100);
        assertThat(atTheCap.json().getInt("followUpsScheduled")).isEqualTo(1);
    }

    @Test
    void aFloodOfEventsForOneProcessBringsItsLookForwardOnlyOnce() {
        String[] ids = startedProcess();
        String event = Json.createObjectBuilder().add("id", "evt-1").add("eventName", "process.complete")
                .add("eventData", Json.createObjectBuilder().add("processId", ids[2])).build().toString();
        int scheduled = 0;
        int coalesced = 0;
        for (int i = 0; i < 25; i++) {
            Answer answer = anonymous.postWithHeader(PATH, event, HEADER, SECRET);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
            scheduled += answer.json().getInt("followUpsScheduled");
            coalesced += answer.json().getInt("followUpsCoalesced");
        }
        // the default minimum interval (10 s) is far longer than 25 events take
        assertThat(scheduled).isEqualTo(1);
        assertThat(coalesced).isEqualTo(24);
        List<String> trail = TestDatabase.events(ids[1]);
        assertThat(trail.stream().filter(e -> e.contains("followup.requested"))).as(String.join("\n", trail)).hasSize(1);
        assertThat(TestDatabase.single("SELECT event_check_at FROM verification_process WHERE id = ?", ids[1])
                .get("event_check_at")).isNotNull();
        // the hint was harmless: the process completes from Assure's own state
        assertThat(portal.awaitFinal(ids[0], ids[1]).getString("status")).isEqualTo("accepted");
    }

    /** dossier id, process id, Assure's process id of a process whose verification has started. */
    private String[] startedProcess() {
        String dossierId = portal.newDossier();
        String processId = portal.newProcess(dossierId);
        portal.uploadSelfie(dossierId, processId, Portal.png(0x5A));
        assertThat(portal.verify(dossierId, processId, "accepted").status()).isEqualTo(202);
        Map<String, Object> row = TestDatabase.single("SELECT assure_process_id FROM verification_process WHERE id = ?",
                processId);
        return new String[]{dossierId, processId, (String) row.get("assure_process_id")};
    }

    /** A POST that announces a body and sends none; the status line and headers of the answer. */
    private String headersOnly(long contentLength, String secret) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /" + PATH + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + contentLength + "\r\n" + HEADER + ": " + secret + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // bytes, not lines: the answer's body ends without a newline while the connection stays open
            InputStream in = socket.getInputStream();
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[4096];
            int headerEnd = -1;
            while (headerEnd < 0 || answer.lastIndexOf("}") < answer.indexOf("\"type\"", headerEnd)
                    || answer.indexOf("\"type\"", headerEnd) < 0) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                headerEnd = answer.indexOf("\r\n\r\n");
            }
            return answer.toString();
        }
    }
}
