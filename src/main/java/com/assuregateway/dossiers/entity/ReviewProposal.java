package com.assuregateway.dossiers.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A first reviewer's verdict on a process of a four-eyes tenant ({@code gateway.reviews.four-eyes-tenants}), waiting
 * for a second reviewer to confirm it.
 */
@Entity
@Table(name = "review_proposal")
public class ReviewProposal {

    @Id
    @Column(name = "process_id", length = 36)
    private String processId;

    @Column(name = "outcome", length = 10, nullable = false)
    private String outcome;

    @Column(name = "reason", length = 1000, nullable = false)
    private String reason;

    @Column(name = "proposed_by", length = 200, nullable = false)
    private String proposedBy;

    @Column(name = "proposed_at", nullable = false)
    private Instant proposedAt;

    protected ReviewProposal() {
    }

    public ReviewProposal(String processId, String outcome, String reason, String proposedBy, Instant proposedAt) {
        this.processId = processId;
        this.outcome = outcome;
        this.reason = reason;
        this.proposedBy = proposedBy;
        this.proposedAt = proposedAt;
    }

    public String processId() {
        return processId;
    }

    public String outcome() {
        return outcome;
    }

    public String reason() {
        return reason;
    }

    public String proposedBy() {
        return proposedBy;
    }

    public Instant proposedAt() {
        return proposedAt;
    }

    /** The reason the review records once confirmed: the first reviewer's, who confirmed it and their note, if any. */
    public String confirmedReason(String confirmedBy, String note) {
        String confirmed = reason + "\nConfirmed by " + confirmedBy;
        return note == null || note.isBlank() ? confirmed : confirmed + ": " + note.strip();
    }
}
