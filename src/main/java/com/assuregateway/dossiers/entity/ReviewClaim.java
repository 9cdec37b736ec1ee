package com.assuregateway.dossiers.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A reviewer holding a process of the review queue until it expires, so that two do not work on one case. */
@Entity
@Table(name = "review_claim")
public class ReviewClaim {

    @Id
    @Column(name = "process_id", length = 36)
    private String processId;

    @Column(name = "reviewer", length = 200, nullable = false)
    private String reviewer;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected ReviewClaim() {
    }

    public ReviewClaim(String processId, String reviewer, Instant expiresAt) {
        this.processId = processId;
        this.reviewer = reviewer;
        this.expiresAt = expiresAt;
    }

    public String processId() {
        return processId;
    }

    public String reviewer() {
        return reviewer;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public boolean heldAt(Instant now) {
        return expiresAt.isAfter(now);
    }

    public void renew(String by, Instant until) {
        this.reviewer = by;
        this.expiresAt = until;
    }
}
