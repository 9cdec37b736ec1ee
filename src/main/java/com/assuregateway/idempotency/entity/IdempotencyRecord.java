package com.assuregateway.idempotency.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;

/** One Idempotency-Key of one tenant: the request it was first used with and, once done, its answer. */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord {

    /** Keys are the client's, so they are unique per tenant only. A class, not a record: JPA builds it empty. */
    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "tenant")
        private String tenant;

        @Column(name = "idempotency_key")
        private String key;

        protected Key() {
        }

        public Key(String tenant, String key) {
            this.tenant = tenant;
            this.key = key;
        }

        public String tenant() {
            return tenant;
        }

        public String key() {
            return key;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && tenant.equals(that.tenant) && key.equals(that.key);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(tenant, key);
        }
    }

    @EmbeddedId
    private Key id;

    @Column(name = "request_hash", nullable = false)
    private String requestHash;

    @Column(name = "method_path", nullable = false)
    private String methodPath;

    private Integer status;

    @Column(name = "content_type")
    private String contentType;

    private String location;

    private String body;

    /** The dossier the request was about, once known: an erasure of it deletes this record. */
    @Column(name = "dossier_id")
    private String dossierId;

    /** The answer's secret parts, sealed (AnswerSeal); in body they stand as null. */
    @Column(name = "sealed_parts")
    private String sealedParts;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Version
    private long version;

    protected IdempotencyRecord() {
    }

    public IdempotencyRecord(Key id, String requestHash, String methodPath, String dossierId, Instant now) {
        this.id = id;
        this.dossierId = dossierId;
        this.requestHash = requestHash;
        this.methodPath = methodPath;
        this.createdAt = now;
    }

    public void complete(int status, String contentType, String location, String body, String sealedParts,
                         String dossierId, Instant now) {
        if (dossierId != null) {
            this.dossierId = dossierId;
        }
        this.status = status;
        this.contentType = contentType;
        this.location = location;
        this.body = body;
        this.sealedParts = sealedParts;
        this.completedAt = now;
    }

    /** A request that died in flight: the key's next request starts over. */
    public void restart(String requestHash, String methodPath, String dossierId, Instant now) {
        this.dossierId = dossierId;
        this.requestHash = requestHash;
        this.methodPath = methodPath;
        this.createdAt = now;
    }

    public boolean isCompleted() {
        return completedAt != null;
    }

    public Key id() { return id; }
    public String requestHash() { return requestHash; }
    public Integer status() { return status; }
    public String contentType() { return contentType; }
    public String location() { return location; }
    public String body() { return body; }
    public String sealedParts() { return sealedParts; }
    public String tenant() { return id.tenant(); }
    public String key() { return id.key(); }
    public Instant createdAt() { return createdAt; }
    public String dossierId() { return dossierId; }
}
