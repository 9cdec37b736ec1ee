package com.assuregateway.dossiers.control;

import com.assuregateway.audit.control.AuditLog;
import com.assuregateway.audit.entity.Subject;
import com.assuregateway.dossiers.entity.ReviewProposal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Four eyes: the first reviewer's verdict is kept as a proposal (and an audit event) until a second reviewer
 * confirms it ({@link Reviews#review}); a proposal is never the process's review by itself. Joins the caller's
 * transaction, so that a confirmed review and the end of its proposal are one.
 */
@ApplicationScoped
@Transactional
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

    /** The proposals among these processes, by process id: one query for a page of the review queue. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, ReviewProposal> among(Collection<String> processIds) {
        if (processIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT p FROM ReviewProposal p WHERE p.processId IN :ids", ReviewProposal.class)
                .setParameter("ids", processIds).getResultList().stream()
                .collect(Collectors.toMap(ReviewProposal::processId, Function.identity()));
    }

    /** Records the first verdict on a process that has no proposal; the caller holds the process's lock. */
    public ReviewProposal propose(Subject subject, String outcome, String reason, String reviewer) {
        ReviewProposal proposal = new ReviewProposal(subject.processId(), outcome, reason, reviewer, clock.instant());
        em.persist(proposal);
        audit.stateChanged(subject, PROPOSED, outcome, "by " + reviewer + "; a second reviewer confirms");
        return proposal;
    }

    /** Once the review is recorded. */
    public void remove(String processId) {
        ReviewProposal proposal = em.find(ReviewProposal.class, processId);
        if (proposal != null) {
            em.remove(proposal);
        }
    }
}
