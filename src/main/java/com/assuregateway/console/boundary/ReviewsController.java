package com.assuregateway.console.boundary;

import com.assuregateway.console.entity.ConsoleUser;
import com.assuregateway.console.entity.ReviewReason;
import com.assuregateway.dossiers.boundary.FaceTecFlow;
import com.assuregateway.dossiers.boundary.ProcessView;
import com.assuregateway.dossiers.boundary.QueuedProcess;
import com.assuregateway.dossiers.boundary.ReviewRequest;
import com.assuregateway.dossiers.control.DecisionRules;
import com.assuregateway.dossiers.control.ReviewClaims;
import com.assuregateway.dossiers.entity.ReviewClaim;
import com.assuregateway.problems.entity.GatewayProblem;
import com.assuregateway.problems.entity.ProblemType;
import com.assuregateway.reporting.control.AuditQueries;
import com.assuregateway.reporting.entity.ProcessTimeline;
import com.assuregateway.security.entity.Role;
import com.assuregateway.settings.control.ConsoleSettings;
import com.assuregateway.settings.control.ReviewSettings;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.mvc.security.CsrfProtected;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * The review queue and a process under review: the same facade as {@code /api/v1/reviews} and
 * {@code POST .../review} ({@link FaceTecFlow}), with the same scopes; the console adds the claim and the
 * coded reasons.
 */
@Controller
@RequestScoped
@Path("console/reviews")
public class ReviewsController {

    static final int QUEUE_SIZE = 100;

    @Inject
    Models models;

    @Inject
    Pages pages;

    @Inject
    FaceTecFlow flow;

    @Inject
    ReviewClaims claims;

    @Inject
    AuditQueries queries;

    @Inject
    Validator validator;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperties
    ConsoleSettings settings;

    @Inject
    @ConfigProperties
    ReviewSettings reviewSettings;

    @GET
    public Response queue() {
        Optional<ConsoleUser> user = pages.userWith(Role.REVIEWER);
        if (user.isEmpty()) {
            return pages.refused();
        }
        List<QueuedProcess> queue = flow.reviewQueue(user.get().readScope(), QUEUE_SIZE);
        Map<String, ReviewClaim> held = claims.held(queue.stream().map(q -> q.process().processId()).toList());
        models.put("rows", queue.stream().map(q -> QueueRow.of(q, held.get(q.process().processId()), clock)).toList());
        return Response.ok("reviews.jsp").build();
    }

    @GET
    @Path("{dossierId}/{processId}")
    public Response process(@PathParam("dossierId") String dossierId, @PathParam("processId") String processId) {
        Optional<ConsoleUser> user = pages.userWith(Role.REVIEWER);
        if (user.isEmpty()) {
            return pages.refused();
        }
        try {
            return Response.ok(show(user.get(), dossierId, processId)).build();
        } catch (GatewayProblem problem) {
            return pages.problem(problem);
        }
    }

    @POST
    @Path("{dossierId}/{processId}/claim")
    @CsrfProtected
    public Response claim(@PathParam("dossierId") String dossierId, @PathParam("processId") String processId) {
        Optional<ConsoleUser> user = pages.userWith(Role.REVIEWER);
        if (user.isEmpty()) {
            return pages.refused();
        }
        try {
            flow.process(user.get().reviewScope(), dossierId, processId); // not found outside the reviewer's scope
            claims.claim(processId, user.get().subject());
            return Response.seeOther(page(dossierId, processId)).build();
        } catch (GatewayProblem problem) {
            return pages.problem(problem);
        }
    }

    @POST
    @Path("{dossierId}/{processId}/review")
    @CsrfProtected
    public Response review(@PathParam("dossierId") String dossierId, @PathParam("processId") String processId,
                           @FormParam("outcome") String outcome, @FormParam("reason") String reasonCode,
                           @FormParam("note") String note) {
        Optional<ConsoleUser> user = pages.userWith(Role.REVIEWER);
        if (user.isEmpty()) {
            return pages.refused();
        }
        try {
            Optional<ReviewReason> reason = reasons().stream().filter(r -> r.code().equals(reasonCode)).findFirst();
            if (reason.isEmpty()) {
                return again(user.get(), dossierId, processId, 400, "Pick one of the listed reasons.");
            }
            ReviewRequest request = new ReviewRequest(outcome, reason.get().recorded(note));
            String invalid = invalid(request);
            if (invalid != null) {
                return again(user.get(), dossierId, processId, 400, invalid);
            }
            ProcessView after = flow.review(user.get().reviewScope(), dossierId, processId, request,
                    user.get().subject());
            // under four eyes a first verdict is a proposal: back to the process, which shows it
            return Response.seeOther(after.review() == null ? page(dossierId, processId) : URI.create("console/reviews"))
                    .build();
        } catch (GatewayProblem problem) {
            return refused(user.get(), dossierId, processId, problem);
        }
    }

    /** Four eyes: a second reviewer confirms the first one's proposal, which is then recorded as theirs. */
    @POST
    @Path("{dossierId}/{processId}/confirm")
    @CsrfProtected
    public Response confirm(@PathParam("dossierId") String dossierId, @PathParam("processId") String processId) {
        Optional<ConsoleUser> user = pages.userWith(Role.REVIEWER);
        if (user.isEmpty()) {
            return pages.refused();
        }
        try {
            flow.confirmReview(user.get().reviewScope(), dossierId, processId, user.get().subject());
            return Response.seeOther(URI.create("console/reviews")).build();
        } catch (GatewayProblem problem) {
            return refused(user.get(), dossierId, processId, problem);
        }
    }

    /** A review the rules refused (a claim, four eyes, a state): the process again, saying why. */
    private Response refused(ConsoleUser user, String dossierId, String processId, GatewayProblem problem) {
        if (problem.type() != ProblemType.WRONG_STATE && problem.type() != ProblemType.VALIDATION) {
            return pages.problem(problem);
        }
        try {
            return again(user, dossierId, processId, problem.type().status(), problem.getMessage());
        } catch (GatewayProblem gone) {
            return pages.problem(gone);
        }
    }

    /** The API's own constraints on a review (ReviewRequest), in words; null when it is valid. */
    private String invalid(ReviewRequest request) {
        Set<ConstraintViolation<ReviewRequest>> violations = validator.validate(request);
        return violations.isEmpty() ? null : violations.stream()
                .map(v -> (v.getPropertyPath().toString().equals("reason") ? "the note" : v.getPropertyPath())
                        + " " + v.getMessage()).sorted().collect(Collectors.joining("; "));
    }

    private Response again(ConsoleUser user, String dossierId, String processId, int status, String error) {
        models.put("error", error);
        return Response.status(status).entity(show(user, dossierId, processId)).build();
    }

    private String show(ConsoleUser user, String dossierId, String processId) {
        ProcessView process = flow.process(user.readScope(), dossierId, processId);
        models.put("process", process);
        models.put("reasonInWords", process.decision() == null ? "" : DecisionRules.inWords(process.decision().reason()));
        Optional<ReviewClaim> claim = claims.of(processId);
        models.put("claim", claim.orElse(null));
        models.put("mine", claim.map(c -> c.reviewer().equals(user.subject())).orElse(false));
        models.put("reasons", reasons());
        Optional<ProcessTimeline> timeline = queries.timeline(processId);
        models.put("timeline", timeline.map(ProcessTimeline::events).orElse(List.of()));
        models.put("tenant", timeline.map(ProcessTimeline::tenant).orElse(""));
        models.put("proposal", process.reviewProposal());
        models.put("fourEyes", reviewSettings.fourEyes(timeline.map(ProcessTimeline::tenant).orElse("")));
        models.put("evidence", process.archive() == null ? List.of()
                : EvidenceResource.names(flow, user.readScope(), dossierId, processId));
        return "process.jsp";
    }

    private List<ReviewReason> reasons() {
        return settings.reviewReasons().stream().map(ReviewReason::parse).flatMap(Optional::stream).toList();
    }

    static URI page(String dossierId, String processId) {
        return URI.create("console/reviews/" + dossierId + "/" + processId);
    }

    /** A line of the queue as the view shows it. */
    public record QueueRow(ProcessView process, String tenant, String age, String heldBy) {

        static QueueRow of(QueuedProcess queued, ReviewClaim claim, Clock clock) {
            ProcessView p = queued.process();
            java.time.Instant since = p.decision() != null && p.decision().decidedAt() != null
                    ? p.decision().decidedAt() : p.createdAt();
            return new QueueRow(p, queued.tenant(), age(Duration.between(since, clock.instant())),
                    claim == null ? null : claim.reviewer());
        }

        static String age(Duration age) {
            if (age.toDays() > 0) {
                return age.toDays() + " d " + age.toHoursPart() + " h";
            }
            if (age.toHours() > 0) {
                return age.toHours() + " h " + age.toMinutesPart() + " min";
            }
            return Math.max(0, age.toMinutes()) + " min";
        }
    }
}
