package com.assuregateway.dossiers.control;

import com.assuregateway.dossiers.entity.ReviewClaim;
import com.assuregateway.settings.control.ReviewSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * Who works on which process of the review queue. A claim is a courtesy between reviewers, not a lock on the
 * record: it lapses after {@code gateway.reviews.claim-minutes}; while it holds, a review by anyone else is refused
 * ({@link Reviews#review}), whether given in the console or through the API. Joins the caller's transaction, so
 * that a review and the end of its claim are one.
 */
@ApplicationScoped
@Transactional
public class ReviewClaims {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperties
    ReviewSettings settings;

    /** The claims in force among these processes, by process id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, ReviewClaim> held(Collection<String> processIds) {
        if (processIds.isEmpty()) {
            return Map.of();
        }
        Instant now = clock.instant();
        return em.createQuery("SELECT c FROM ReviewClaim c WHERE c.processId IN :ids", ReviewClaim.class)
                .setParameter("ids", processIds).getResultList().stream()
                .filter(claim -> claim.heldAt(now))
                .collect(Collectors.toMap(ReviewClaim::processId, Function.identity()));
    }

    /** The claim in force on a process, if any. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ReviewClaim> of(String processId) {
        return Optional.ofNullable(em.find(ReviewClaim.class, processId)).filter(claim -> claim.heldAt(clock.instant()));
    }

    /**
     * Claims the process for the reviewer, or renews their claim; a live claim of someone else stays.
     *
     * @return the claim in force afterwards: the reviewer's, or the other holder's
     */
    public ReviewClaim claim(String processId, String reviewer) {
        Instant now = clock.instant();
        Instant until = now.plus(Duration.ofMinutes(settings.claimMinutes()));
        ReviewClaim claim = em.find(ReviewClaim.class, processId, LockModeType.PESSIMISTIC_WRITE);
        if (claim == null) {
            claim = new ReviewClaim(processId, reviewer, until);
            em.persist(claim);
        } else if (!claim.heldAt(now) || claim.reviewer().equals(reviewer)) {
            claim.renew(reviewer, until);
        }
        return claim;
    }

    /** Ends a claim: the process was decided, or its holder lets it go. */
    public void release(String processId) {
        ReviewClaim claim = em.find(ReviewClaim.class, processId);
        if (claim != null) {
            em.remove(claim);
        }
    }
}
