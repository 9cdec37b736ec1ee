package com.assuregateway.reporting.boundary;

import static com.assuregateway.testsupport.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.assuregateway.testsupport.Api;
import com.assuregateway.testsupport.Api.Answer;
import com.assuregateway.testsupport.GatewayDeployment;
import com.assuregateway.testsupport.Portal;
import com.assuregateway.testsupport.TestDatabase;
import com.assuregateway.testsupport.Tokens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Exports, statistics and totals cannot starve the gateway. This class's gateway (container
 * payara-micro-export-limits) allows one export and one aggregate at a time, 2 s per statement and export
 * pages of 500 rows. A client that stops reading an export mid-way holds that export's permit, but no
 * connection and no transaction; a second export is refused with 429; a statement that waits for a lock the
 * test holds runs out of time and is answered as a problem, and every permit comes back.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ExportLimitsIT {

    private static final String PROBLEM = "urn:assure-gateway:problem:";
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    /** The longest tenant a process may have: every exported row is large. */
    private static final String BULK = ("limits-bulk-" + RUN + "-" + "t".repeat(64)).substring(0, 64);
    private static final String SMALL = "limits-small-" + RUN;
    private static final String FLOW = "limits-flow-" + RUN;
    private static final Instant BASE = Instant.parse("1999-03-01T00:00:00Z");
    /**
     * About 16 MB of CSV (a row is about 1 KB): more than the socket buffers between the gateway and a client
     * that stops reading.
     */
    private static final int BULK_ROWS = 16_000;

    private static boolean recorded;

    @ArquillianResource
    URL base;

    Api auditor;

    @Deployment(testable = false)
    @TargetsContainer("payara-micro-export-limits")
    static WebArchive deployment() {
        return GatewayDeployment.war();
    }

    @BeforeEach
    void connect() {
        auditor = new Api(base).as(Tokens.of(List.of("auditor"), null));
        if (!recorded) {
            // the longest reference a dossier may have, so that every exported row is large
            String bulk = AuditFixture.newDossier(BULK, "bulk-" + "r".repeat(195), BASE);
            AuditFixture.bulk(bulk, BULK, BULK_ROWS, BASE);
            String small = AuditFixture.newDossier(SMALL, "small-1", BASE);
            AuditFixture.bulk(small, SMALL, 3, BASE);
            recorded = true;
        }
    }

    @Test
    void aClientThatStopsReadingHoldsItsPermitButNoConnection() throws Exception {
        try (SlowReader slow = SlowReader.start(base, Tokens.of(List.of("auditor"), null),
                "/api/v1/audit/processes.csv?tenant=" + BULK)) {
            assertThat(slow.head()).startsWith("HTTP/1.1 200");

            // past the limit of one export: refused at once, not queued
            assertTooManyRequests(auditor.get("api/v1/audit/processes.ndjson?tenant=" + SMALL));

            // the flow and the other audit reads go on while the export's client sleeps
            Portal portal = new Portal(new Api(base).as(Tokens.portal(FLOW)));
            String dossierId = portal.newDossier();
            assertThat(portal.newProcess(dossierId)).isNotBlank();
            assertThat(auditor.get("api/v1/audit/processes?tenant=" + BULK + "&limit=5").status()).isEqualTo(200);
            Answer stats = auditor.get("api/v1/audit/stats?tenant=" + BULK);
            assertThat(stats.status()).as(stats.toString()).isEqualTo(200);
            assertThat(stats.json().getJsonNumber("processes").longValue()).isEqualTo(BULK_ROWS);

            if (TestDatabase.isPostgres()) {
                // an export reading one open cursor would hold a share lock on the table for as long as its
                // client sleeps; between pages the export holds nothing, so a lock that waits for every
                // reader is granted at once
                assertThat(exclusiveLockGrantedWithin(Duration.ofSeconds(5)))
                        .as("no transaction of the paused export holds verification_process").isTrue();
            }

            // and the export is still under way, mid-stream: its permit is still taken
            assertTooManyRequests(auditor.get("api/v1/audit/processes.csv?tenant=" + SMALL));
            assertThat(slow.bodyBytesRead()).isLessThan(1024 * 1024);
        }

        // its client went away: the broken write gives the permit back
        Answer next = awaitNot429(() -> auditor.get("api/v1/audit/processes.csv?tenant=" + SMALL));
        assertThat(next.status()).as(next.toString()).isEqualTo(200);
        assertThat(next.text()).endsWith("# complete; rows=3\r\n");
    }

    @Test
    void aWholeExportIsEveryRowAcrossItsPages() {
        // 16,000 rows in pages of 500: none repeated, none left out, in order
        Answer export = auditor.get("api/v1/audit/processes.ndjson?order=asc&tenant=" + BULK);
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        List<String> lines = export.text().lines().toList();
        assertThat(lines).hasSize(BULK_ROWS + 2);
        assertThat(lines.get(lines.size() - 1)).isEqualTo("{\"complete\":true,\"rows\":" + BULK_ROWS + "}");
        List<String> created = lines.subList(1, lines.size() - 1).stream()
                .map(line -> line.replaceAll(".*\"createdAt\":\"([^\"]+)\".*", "$1")).toList();
        assertThat(created).doesNotHaveDuplicates().isSorted();
        assertThat(created.get(0)).isEqualTo(BASE.toString());
    }

    @Test
    void statementsThatRunOutOfTimeAreAnsweredAsProblemsAndGiveTheirPermitsBack() throws Exception {
        assumeTrue(TestDatabase.isPostgres(), "H2 has no lock that a reading statement waits for (MVCC reads "
                + "never wait), so an honest slow statement is only made on PostgreSQL; on H2 the timeout's "
                + "mapping is a unit test (AuditPermitsTest)");
        try (Connection lock = database()) {
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                statement.execute("LOCK TABLE verification_process IN ACCESS EXCLUSIVE MODE");
            }
            CompletableFuture<Answer> waiting = CompletableFuture.supplyAsync(
                    () -> auditor.get("api/v1/audit/stats?tenant=" + SMALL));
            awaitStatisticsWaitingForTheLock();

            // one aggregate at a time: a second one, while the first waits, is refused
            assertTooManyRequests(auditor.get("api/v1/audit/stats?tenant=" + BULK));

            assertQueryTimeout(waiting.get(30, TimeUnit.SECONDS));
            assertQueryTimeout(auditor.get("api/v1/audit/processes?total=true&tenant=" + SMALL));
            // the export's first page ran out of time before a byte was streamed: a status of its own
            assertQueryTimeout(auditor.get("api/v1/audit/processes.csv?tenant=" + SMALL));
            lock.rollback();
        }

        // every permit came back, from timed-out statements too
        assertThat(auditor.get("api/v1/audit/stats?tenant=" + SMALL).status()).isEqualTo(200);
        Answer total = auditor.get("api/v1/audit/processes?total=true&tenant=" + SMALL);
        assertThat(total.status()).as(total.toString()).isEqualTo(200);
        assertThat(total.json().getJsonNumber("total").longValue()).isEqualTo(3);
        Answer export = auditor.get("api/v1/audit/processes.csv?tenant=" + SMALL);
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
    }

    // --- helpers

    private static void assertTooManyRequests(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(429);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().getString("type")).isEqualTo(PROBLEM + "too-many-requests");
        assertThat(Integer.parseInt(answer.header("Retry-After"))).isPositive();
    }

    private static void assertQueryTimeout(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().getString("type")).isEqualTo(PROBLEM + "query-timeout");
        assertThat(Integer.parseInt(answer.header("Retry-After"))).isPositive();
    }

    private static Answer awaitNot429(Supplier<Answer> call) {
        return eventually(Duration.ofSeconds(30), "an answer other than 429", call, answer -> answer.status() != 429);
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(TestDatabase.url(), System.getProperty("test.db.user"),
                System.getProperty("test.db.password"));
    }

    /** PostgreSQL: whether this test could take the table's strongest lock, waiting at most {@code wait}. */
    private static boolean exclusiveLockGrantedWithin(Duration wait) throws SQLException {
        try (Connection c = database(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("SET LOCAL lock_timeout = '" + wait.toMillis() + "ms'");
            try {
                s.execute("LOCK TABLE verification_process IN ACCESS EXCLUSIVE MODE");
                return true;
            } catch (SQLException e) {
                if ("55P03".equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            } finally {
                c.rollback();
            }
        }
    }

    /** Until the gateway's statistics statement (not the follow-up's reads) waits for the test's lock. */
    private static void awaitStatisticsWaitingForTheLock() {
        eventually(Duration.ofSeconds(10), Duration.ofMillis(50), "the statistics wait for the lock",
                () -> ((Number) TestDatabase.single("SELECT count(*) AS n FROM pg_locks l"
                        + " JOIN pg_class c ON c.oid = l.relation JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " JOIN pg_stat_activity a ON a.pid = l.pid"
                        + " WHERE NOT l.granted AND c.relname = 'verification_process' AND n.nspname = current_schema()"
                        + " AND a.query LIKE '%GROUP BY%'").get("n")).longValue(), waiting -> waiting > 0);
    }

    /**
     * A client on a socket with a small receive buffer that reads the answer's head and then stops reading,
     * as a slow or stalled downloader does; closing it breaks the connection with data still unread.
     */
    private static final class SlowReader implements AutoCloseable {

        private final Socket socket;
        private final String head;
        private final int bodyBytes;

        private SlowReader(Socket socket, String head, int bodyBytes) {
            this.socket = socket;
            this.head = head;
            this.bodyBytes = bodyBytes;
        }

        static SlowReader start(URL base, String token, String path) throws IOException {
            Socket socket = new Socket();
            socket.setReceiveBufferSize(4096);
            socket.setSoTimeout(30_000);
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":"
                    + base.getPort() + "\r\nAuthorization: Bearer " + token + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("Connection closed before the answer's head: " + head);
                }
                head.write(b);
            }
            // the first bytes of the body, then nothing more
            int body = in.read(new byte[512]);
            return new SlowReader(socket, head.toString(StandardCharsets.US_ASCII), Math.max(0, body));
        }

        String head() {
            return head;
        }

        int bodyBytesRead() {
            return bodyBytes;
        }

        @Override
        public void close() throws IOException {
            socket.setSoLinger(true, 0); // a reset, as when a client is killed
            socket.close();
        }
    }
}
