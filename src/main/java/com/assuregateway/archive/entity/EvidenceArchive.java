package com.assuregateway.archive.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The full-result zip of one process, encrypted (AES-256-GCM) with the key named by keyId, so keys can be
 * rotated without re-encrypting old archives. sha256 is of the zip as Assure sent it.
 */
@Entity
@Table(name = "evidence_archive")
@NamedQuery(name = EvidenceArchive.SUMMARY, query = "SELECT NEW com.assuregateway.archive.entity.ArchiveSummary("
        + "a.sha256, a.sizeBytes, a.keyId, a.archivedAt) FROM EvidenceArchive a WHERE a.processId = :processId")
public class EvidenceArchive {

    public static final String SUMMARY = "EvidenceArchive.summary";

    @Id
    @Column(name = "process_id")
    private String processId;

    @Column(name = "key_id", nullable = false, updatable = false)
    private String keyId;

    @Lob
    @Column(nullable = false, updatable = false)
    private byte[] iv;

    @Lob
    @Column(nullable = false, updatable = false)
    private byte[] ciphertext;

    @Column(nullable = false, updatable = false)
    private String sha256;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long sizeBytes;

    @Column(name = "archived_at", nullable = false, updatable = false)
    private Instant archivedAt;

    protected EvidenceArchive() {
    }

    public EvidenceArchive(String processId, String keyId, byte[] iv, byte[] ciphertext, String sha256,
                           long sizeBytes, Instant now) {
        this.processId = processId;
        this.keyId = keyId;
        this.iv = iv.clone();
        this.ciphertext = ciphertext.clone();
        this.sha256 = sha256;
        this.sizeBytes = sizeBytes;
        this.archivedAt = now;
    }

    public String processId() { return processId; }
    public String keyId() { return keyId; }
    public byte[] iv() { return iv.clone(); }
    public byte[] ciphertext() { return ciphertext.clone(); }
    public String sha256() { return sha256; }
    public long sizeBytes() { return sizeBytes; }
    public Instant archivedAt() { return archivedAt; }
}
