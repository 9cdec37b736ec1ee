package com.assuregateway.dossiers.control;

import com.assuregateway.audit.control.AuditLog;
import com.assuregateway.audit.entity.Subject;
import com.assuregateway.dossiers.entity.ReviewClaim;
import com.assuregateway.dossiers.entity.ReviewProposal;
import com.assuregateway.dossiers.entity.VerificationProcess;
import com.assuregateway.problems.entity.GatewayProblem;
import com.assuregateway.security.entity.TenantScope;
import com.assuregateway.settings.control.ReviewSettings;
import com.assuregateway.settings.control.WebhookSettings;
import com.assuregateway.webhooks.control.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * The rules of a manual review, the same for the API and the console: only a process that awaits review, not while
 * another reviewer's claim holds it, and for a four-eyes tenant ({@code gateway.reviews.four-eyes-tenants}) the
 * first verdict is a proposal that becomes the review once a different reviewer gives the same outcome. The review,
 * its audit event, its {@code process.reviewed} event and the end of its claim and proposal are one transaction,
 * under the process's lock, so two reviewers at once cannot both be first or both confirm.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class Reviews {

    /** The size of {@code verification_process.review_reason}: a confirmation must fit beside the proposal. */
    static final int REASON_LIMIT = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    FlowRecords records;

    @Inject
    ReviewClaims claims;

    @Inject
    ReviewProposals proposals;

    @Inject
    AuditLog audit;

    @Inject
    Outbox outbox;

    @Inject
    @ConfigProperties
    ReviewSettings settings;

    @Inject
    @ConfigProperties
    WebhookSettings webhooks;

    @Inject
    Clock clock;

    /**
     * A reviewer's verdict on a process.
     *
     * @param outcome {@code approve} or {@code reject}; null only to confirm a proposal as it stands
     * @param reason why; when confirming, the second reviewer's note (may be null), kept after the first reason
     * @return the process: reviewed, or (first verdict under four eyes) still awaiting review with a proposal
     */
    public VerificationProcess review(TenantScope scope, String dossierId, String processId, String outcome,
                                      String reason, String reviewer) {
        records.process(scope, dossierId, processId); // not found outside the reviewer's scope
        VerificationProcess process = em.find(VerificationProcess.class, processId, LockModeType.PESSIMISTIC_WRITE);
        if (!process.awaitsReview()) {
            throw GatewayProblem.wrongState("Process " + processId + " does not await review (decision "
                    + (process.decision() == null ? "none yet" : process.decision().wire())
                    + (process.reviewedAt() == null ? "" : ", reviewed at " + process.reviewedAt()) + ")");
        }
        Optional<ReviewClaim> claim = claims.of(processId).filter(held -> !held.reviewer().equals(reviewer));
        if (claim.isPresent()) {
            throw GatewayProblem.wrongState(claim.get().reviewer() + " holds this process until "
                    + claim.get().expiresAt() + "; it is theirs to review until the claim lapses");
        }
        Subject subject = Subject.process(dossierId, processId);
        if (settings.fourEyes(process.tenant())) {
            Optional<ReviewProposal> proposal = proposals.of(processId);
            if (proposal.isEmpty()) {
                if (outcome == null) {
                    throw GatewayProblem.wrongState("There is no proposed review of process " + processId
                            + " to confirm");
                }
                proposals.propose(subject, outcome, reason, reviewer);
                claims.release(processId);
                return process;
            }
            ReviewProposal first = proposal.get();
            if (first.proposedBy().equals(reviewer)) {
                throw GatewayProblem.wrongState("You proposed this review; under four eyes another reviewer "
                        + "confirms it");
            }
            if (outcome != null && !outcome.equals(first.outcome())) {
                throw GatewayProblem.wrongState(first.proposedBy() + " proposes to " + first.outcome()
                        + " process " + processId + "; a second reviewer confirms that outcome, and a different "
                        + "view is settled outside the gateway");
            }
            String confirmed = first.confirmedReason(reviewer, reason);
            if (confirmed.length() > REASON_LIMIT) {
                throw GatewayProblem.invalid("reason", "is too long beside the proposal's: at most "
                        + Math.max(0, REASON_LIMIT - first.confirmedReason(reviewer, null).length() - 2)
                        + " characters");
            }
            proposals.remove(processId);
            record(process, subject, first.outcome(), confirmed, first.proposedBy());
        } else {
            record(process, subject, outcome, reason, reviewer);
        }
        claims.release(processId);
        return process;
    }

    private void record(VerificationProcess process, Subject subject, String outcome, String reason, String reviewer) {
        process.review(outcome, reason, reviewer, clock.instant());
        audit.stateChanged(subject, "review." + outcome, outcome, "by " + reviewer + ": " + reason);
        outbox.publish(process.tenant(), ProcessEvents.reviewed(process, webhooks.reviewerIdentity()));
    }
}
