package com.assuregateway.dossiers.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * One end-user of one tenant, identified by the portal's externalReference. The row is reserved before Assure
 * is asked for its dossier, so a failed or interrupted creation is finished by the next request for the same
 * reference instead of creating a second dossier upstream.
 */
@Entity
@Table(name = "dossier")
@NamedQuery(name = Dossier.BY_REFERENCE,
        query = "SELECT d FROM Dossier d WHERE d.tenant = :tenant AND d.externalReference = :reference")
public class Dossier {

    public static final String BY_REFERENCE = "Dossier.byReference";

    @Id
    private String id;

    @Column(nullable = false, updatable = false)
    private String tenant;

    @Column(name = "external_reference")
    private String externalReference;

    @Column(name = "assure_dossier_id")
    private String assureDossierId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "erased_at")
    private Instant erasedAt;

    @Column(name = "upstream_requested_at")
    private Instant upstreamRequestedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Dossier() {
    }

    public Dossier(String tenant, String externalReference, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.tenant = tenant;
        this.externalReference = externalReference;
        this.createdAt = now;
        this.updatedAt = createdAt;
    }

    public void linkUpstream(String assureDossierId, Instant now) {
        this.assureDossierId = assureDossierId;
        this.updatedAt = now;
    }

    /** What stays is a tombstone: ids and times, without the portal's reference to a person. */
    public void erase(Instant now) {
        this.externalReference = null;
        this.erasedAt = now;
        this.updatedAt = erasedAt;
    }

    public boolean isErased() {
        return erasedAt != null;
    }

    public Instant erasedAt() {
        return erasedAt;
    }

    /** The intent, written before Assure is asked: a later attempt looks for what this one may have made. */
    public void upstreamRequested(Instant now) {
        this.upstreamRequestedAt = now;
    }

    /** The intent as it was before a takeover whose look for the earlier attempt failed. */
    public void upstreamRequestedAgainAt(Instant earlier) {
        this.upstreamRequestedAt = earlier;
    }

    /** Assure said it did not create the dossier: the next request may ask again at once. */
    public void upstreamRefused() {
        this.upstreamRequestedAt = null;
    }

    public Instant upstreamRequestedAt() {
        return upstreamRequestedAt;
    }

    public boolean wasRequestedUpstream() {
        return upstreamRequestedAt != null;
    }

    public boolean isLinkedUpstream() {
        return assureDossierId != null;
    }

    public String id() {
        return id;
    }

    public String tenant() {
        return tenant;
    }

    public String externalReference() {
        return externalReference;
    }

    public String assureDossierId() {
        return assureDossierId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
