package com.assuregateway.platform.boundary;

import static com.assuregateway.testsupport.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.assuregateway.portalclient.ApiClient;
import com.assuregateway.portalclient.ApiException;
import com.assuregateway.portalclient.ApiResponse;
import com.assuregateway.portalclient.api.AuditApi;
import com.assuregateway.portalclient.api.DossiersApi;
import com.assuregateway.portalclient.api.ProcessesApi;
import com.assuregateway.portalclient.api.ReviewsApi;
import com.assuregateway.portalclient.model.DecisionView;
import com.assuregateway.portalclient.model.DossierRequest;
import com.assuregateway.portalclient.model.DossierView;
import com.assuregateway.portalclient.model.FaceTecEnrollment;
import com.assuregateway.portalclient.model.Problem;
import com.assuregateway.portalclient.model.ProcessCreatedView;
import com.assuregateway.portalclient.model.ProcessPage;
import com.assuregateway.portalclient.model.ProcessRequest;
import com.assuregateway.portalclient.model.ProcessStatus;
import com.assuregateway.portalclient.model.ProcessView;
import com.assuregateway.portalclient.model.Review;
import com.assuregateway.portalclient.model.ReviewRequest;
import com.assuregateway.portalclient.model.StatsView;
import com.assuregateway.portalclient.model.TimelineView;
import com.assuregateway.portalclient.model.VerificationAccepted;
import com.assuregateway.portalclient.model.VerificationRequest;
import com.assuregateway.testsupport.GatewayTest;
import com.assuregateway.testsupport.Portal;
import com.assuregateway.testsupport.Tokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * A portal team's client, generated at build time from the OpenAPI document the gateway publishes
 * (openapi-generator, Java, library {@code native}; pom.xml), walks the portal flow, a review, the audit reads
 * and the erasure: no hand-written HTTP. It sends what generated clients send, {@code Accept:
 * application/problem+json} alone on the operations without a success body among them. The one workaround,
 * for the generator's binary bodies, is {@link BinaryBodies} (docs/portal-integration.md). The client does not
 * depend on the database, so this class runs in the H2 run only (pom.xml).
 */
class GeneratedClientIT extends GatewayTest {

    private static final String TENANT = "generated-client-tenant";

    @Test
    void aGeneratedClientWalksTheFlowTheReviewTheAuditAndTheErasure() throws Exception {
        ApiClient portal = client(Tokens.portal(TENANT));
        DossiersApi dossiers = new DossiersApi(portal);
        ProcessesApi processes = new ProcessesApi(portal);

        String reference = "customer-" + UUID.randomUUID();
        String idempotencyKey = UUID.randomUUID().toString();
        DossierView dossier = dossiers.openDossier(new DossierRequest().externalReference(reference), null,
                idempotencyKey);
        ApiResponse<DossierView> replayed = dossiers.openDossierWithHttpInfo(
                new DossierRequest().externalReference(reference), null, idempotencyKey);
        assertThat(replayed.getData().getDossierId()).isEqualTo(dossier.getDossierId());
        assertThat(replayed.getHeaders().get("idempotent-replayed")).containsExactly("true");
        String dossierId = dossier.getDossierId();

        ProcessCreatedView created = processes.createProcess(dossierId,
                new ProcessRequest().provider(ProcessRequest.ProviderEnum.FACETEC), null, null);
        String processId = created.getProcessId();
        assertThat(created.getStatus()).isEqualTo(ProcessStatus.PENDING);
        assertThat(created.getFacetecSession().getAuthorization()).isNotBlank();
        assertThat(created.getFacetecSession().getEncryptionPublicKey()).startsWith("-----BEGIN PUBLIC KEY-----");

        File photo = Files.createTempFile("reference-photo", ".png").toFile();
        photo.deleteOnExit();
        Files.write(photo.toPath(), Portal.png(0x5a));
        processes.setReferencePhoto(dossierId, processId, photo, null);
        assertThat(processes.getProcess(dossierId, processId, null).getPhoto().getSha256()).hasSize(64);

        VerificationAccepted started = processes.startVerification(dossierId, processId,
                new VerificationRequest().facetecEnrollment(enrollment("inconclusive"))
                        .imageDepiction(VerificationRequest.ImageDepictionEnum.SELFIE), null, null);
        assertThat(started.getStatus()).isEqualTo(ProcessStatus.PROCESSING);

        ProcessView result = eventually(Duration.ofSeconds(10), "process " + processId + " becomes final",
                () -> call(() -> processes.getProcess(dossierId, processId, null)),
                p -> p.getStatus() != ProcessStatus.PENDING && p.getStatus() != ProcessStatus.PROCESSING);
        assertThat(result.getStatus()).isEqualTo(ProcessStatus.INCONCLUSIVE);
        assertThat(result.getDecision().getOutcome()).isEqualTo(DecisionView.OutcomeEnum.INCONCLUSIVE);
        assertThat(result.getResult().getMatching().getAttempts()).isNotEmpty();

        File zip = processes.getFullResult(dossierId, processId, null);
        assertThat(zipEntries(zip)).contains("liveness.json", "selfie.png");
        assertThat(dossiers.getDossier(dossierId, null).getProcesses()).hasSize(1);

        ReviewsApi reviews = new ReviewsApi(client(Tokens.of(List.of("reviewer"), null)));
        assertThat(reviews.reviewQueue(null, 500)).extracting(ProcessView::getProcessId).contains(processId);
        ProcessView reviewed = reviews.reviewProcess(dossierId, processId, new ReviewRequest()
                .outcome(ReviewRequest.OutcomeEnum.APPROVE).reason("Same person, older photo"), null, null);
        assertThat(reviewed.getReview().getOutcome()).isEqualTo(Review.OutcomeEnum.APPROVE);
        assertThat(reviewed.getDecision().getOutcome()).isEqualTo(DecisionView.OutcomeEnum.INCONCLUSIVE);
        assertThat(reviews.reviewQueue(null, 500)).extracting(ProcessView::getProcessId).doesNotContain(processId);

        AuditApi audit = new AuditApi(client(Tokens.of(List.of("auditor"), null)));
        ProcessPage page = audit.auditProcesses(null, TENANT, null, null, null, null, null, null, null, null,
                dossierId, null, null, true, null, 10, null, true);
        assertThat(page.getTotal()).isEqualTo(1);
        assertThat(page.getItems()).singleElement().satisfies(p -> {
            assertThat(p.getProcessId()).isEqualTo(processId);
            assertThat(p.getReviewOutcome()).isEqualTo("approve");
        });
        TimelineView timeline = audit.auditTimeline(processId, null);
        assertThat(timeline.getEvents()).extracting(e -> e.getAction()).contains("verification.started", "review.approve");
        StatsView stats = audit.auditStatistics(null, TENANT, null, null, null, null, null, null, null, null, dossierId,
                null, null, null);
        assertThat(stats.getProcesses()).isEqualTo(1);
        assertThat(stats.getReviewed()).isEqualTo(1);
        File export = audit.auditExportNdjson(null, TENANT, null, null, null, null, null, null, null, null, dossierId,
                null, null, null, null);
        assertThat(Files.readAllLines(export.toPath())).hasSize(3).last().asString().contains("\"rows\":1");

        dossiers.eraseDossier(dossierId, null);
        dossiers.eraseDossier(dossierId, null);
        ApiException gone = catchThrowableOfType(ApiException.class, () -> dossiers.getDossier(dossierId, null));
        assertThat(gone.getCode()).isEqualTo(410);
        assertThat(gone.getResponseHeaders().firstValue("content-type")).hasValue("application/problem+json");
        Problem problem = portal.getObjectMapper().readValue(gone.getResponseBody(), Problem.class);
        assertThat(problem.getType()).isEqualTo(Problem.TypeEnum.URN_ASSURE_GATEWAY_PROBLEM_ERASED);
    }

    @Test
    void aGeneratedClientGetsTheProblemOfAFailedCallNotA406() throws Exception {
        ApiClient portal = client(Tokens.portal(TENANT));
        ApiException unknown = catchThrowableOfType(ApiException.class,
                () -> new DossiersApi(portal).getDossier(UUID.randomUUID().toString(), null));
        assertThat(unknown.getCode()).isEqualTo(404);
        assertThat(portal.getObjectMapper().readValue(unknown.getResponseBody(), Problem.class).getType())
                .isEqualTo(Problem.TypeEnum.URN_ASSURE_GATEWAY_PROBLEM_NOT_FOUND);

        File notAnImage = Files.createTempFile("not-an-image", ".txt").toFile();
        notAnImage.deleteOnExit();
        Files.writeString(notAnImage.toPath(), "plain text, not a photo");
        String dossierId = new DossiersApi(portal).openDossier(
                new DossierRequest().externalReference("customer-" + UUID.randomUUID()), null, null).getDossierId();
        String processId = new ProcessesApi(portal).createProcess(dossierId,
                new ProcessRequest().provider(ProcessRequest.ProviderEnum.FACETEC), null, null).getProcessId();
        ApiException unsupported = catchThrowableOfType(ApiException.class,
                () -> new ProcessesApi(portal).setReferencePhoto(dossierId, processId, notAnImage, null));
        assertThat(unsupported.getCode()).isEqualTo(415);
        assertThat(portal.getObjectMapper().readValue(unsupported.getResponseBody(), Problem.class).getType())
                .isEqualTo(Problem.TypeEnum.URN_ASSURE_GATEWAY_PROBLEM_UNSUPPORTED_IMAGE);
        new DossiersApi(portal).eraseDossier(dossierId, null);
    }

    /** The generated client for the server under test, sending the bearer token on every call. */
    private ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(base.toString().replaceAll("/+$", ""));
        client.setObjectMapper(new BinaryBodies(client.getObjectMapper()));
        // the native library has no bearer support of its own: the interceptor is its documented hook
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private static FaceTecEnrollment enrollment(String sandboxOutcome) {
        return new FaceTecEnrollment()
                .faceScan(Base64.getDecoder().decode(Portal.faceScan()))
                .auditTrailImage(Portal.png(0x20))
                .lowQualityAuditTrailImage(Portal.png(0x10))
                .userAgent("facetec|sdk|web|com.example.portal|it|sandbox:" + sandboxOutcome);
    }

    private static List<String> zipEntries(File zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream in = Files.newInputStream(zip.toPath()); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    private static <T> T call(ClientCall<T> call) {
        try {
            return call.run();
        } catch (ApiException e) {
            throw new AssertionError("HTTP " + e.getCode() + " " + e.getResponseBody(), e);
        }
    }

    @FunctionalInterface
    private interface ClientCall<T> {
        T run() throws ApiException;
    }

    /**
     * The generator's {@code native} library writes every non-string request body with the client's
     * ObjectMapper, so a {@code format: binary} body (the reference photo, a {@link File}) would go out as the
     * JSON string of its path (openapi-generator 7.17.0 to 7.25.0). A mapper that writes a file as its bytes is
     * the smallest fix a portal team can make without editing generated code.
     */
    static final class BinaryBodies extends ObjectMapper {

        BinaryBodies(ObjectMapper configured) {
            super(configured);
        }

        @Override
        public ObjectMapper copy() {
            return new BinaryBodies(this); // the generated ApiClient hands each API a copy
        }

        @Override
        public byte[] writeValueAsBytes(Object value) throws com.fasterxml.jackson.core.JsonProcessingException {
            if (value instanceof File file) {
                try {
                    return Files.readAllBytes(file.toPath());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return super.writeValueAsBytes(value);
        }
    }
}
