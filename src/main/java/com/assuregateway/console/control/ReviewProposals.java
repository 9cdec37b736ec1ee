package com.assuregateway.console.control;

import com.assuregateway.audit.control.AuditLog;
import com.assuregateway.audit.entity.Subject;
import com.assuregateway.console.entity.ReviewProposal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

/**
 * Four eyes: the first reviewer's verdict is kept as a proposal (and an audit event) until a second reviewer
 * confirms it through the same facade as every review; a proposal is never the process's review by itself.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class ReviewProposals {

    public static final String PROPOSED = "review.proposed";

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ReviewProposal> of(String processId) {
        return Optional.ofNullable(em.find(ReviewProposal.class, processId));
    }

    /** @return false when a proposal exists already (the first one stands until confirmed) */
    public boolean propose(Subject subject, String outcome, String reason, String reviewer) {
        if (em.find(ReviewProposal.class, subject.processId()) != null) {
            return false;
        }
        em.persist(new ReviewProposal(subject.processId(), outcome, reason, reviewer, clock.instant()));
        audit.stateChanged(subject, PROPOSED, outcome, "by " + reviewer + "; a second reviewer confirms");
        return true;
    }

    /** Once the review is recorded. */
    public void remove(String processId) {
        ReviewProposal proposal = em.find(ReviewProposal.class, processId);
        if (proposal != null) {
            em.remove(proposal);
        }
    }
}
