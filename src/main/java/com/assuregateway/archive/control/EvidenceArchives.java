package com.assuregateway.archive.control;

import com.assuregateway.archive.entity.ArchiveSummary;
import com.assuregateway.archive.entity.EvidenceArchive;
import com.assuregateway.problems.entity.GatewayProblem;
import com.assuregateway.problems.entity.ProblemType;
import com.assuregateway.shared.control.Fingerprint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Seals full results into the archive and opens them again, checking they are what was stored. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class EvidenceArchives {

    @PersistenceContext
    EntityManager em;

    @Inject
    ArchiveKeys keys;

    @Inject
    Clock clock;

    /** Within the caller's transaction, which decided under lock that the zip may be kept. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ArchiveSummary store(String processId, byte[] zip) {
        String keyId = keys.activeKeyId();
        try {
            ArchiveCipher.Sealed sealed = ArchiveCipher.seal(keys.key(keyId), processId, zip);
            EvidenceArchive archive = new EvidenceArchive(processId, keyId, sealed.iv(), sealed.ciphertext(),
                    Fingerprint.sha256(zip), zip.length, clock.instant());
            em.persist(archive);
            return summary(archive);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available", e);
        }
    }

    /** Read as a projection: a summary never needs the sealed zip, which can run to megabytes. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ArchiveSummary> summary(String processId) {
        return em.createNamedQuery(EvidenceArchive.SUMMARY, ArchiveSummary.class)
                .setParameter("processId", processId)
                .getResultStream().findFirst();
    }

    /** The zip as Assure sent it; a key that is gone or an archive that does not verify is an error, not a guess. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<byte[]> open(String processId) {
        EvidenceArchive archive = em.find(EvidenceArchive.class, processId);
        if (archive == null) {
            return Optional.empty();
        }
        try {
            byte[] zip = ArchiveCipher.open(keys.key(archive.keyId()), processId, archive.iv(), archive.ciphertext());
            if (!Fingerprint.sha256(zip).equals(archive.sha256())) {
                throw new GatewayProblem(ProblemType.INTERNAL, "The archive of process " + processId
                        + " does not match its recorded SHA-256");
            }
            return Optional.of(zip);
        } catch (GeneralSecurityException e) {
            throw new GatewayProblem(ProblemType.INTERNAL, "The archive of process " + processId
                    + " cannot be decrypted with key " + archive.keyId());
        }
    }

    /** Erases the archives of these processes, within the caller's transaction (an erasure's). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int erase(List<String> processIds) {
        int erased = 0;
        for (String id : processIds) {
            EvidenceArchive archive = em.find(EvidenceArchive.class, id);
            if (archive != null) {
                em.remove(archive);
                erased++;
            }
        }
        return erased;
    }

    /** How many archives there are, and their bytes before encryption. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long[] countAndBytes() {
        Object[] row = (Object[]) em.createQuery("SELECT COUNT(a), COALESCE(SUM(a.sizeBytes), 0) FROM EvidenceArchive a")
                .getSingleResult();
        return new long[]{((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
    }

    /** Processes whose archive is older than the cutoff: retention has passed for them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> archivedBefore(Instant cutoff, int limit) {
        return em.createQuery("SELECT a.processId FROM EvidenceArchive a WHERE a.archivedAt < :cutoff "
                        + "ORDER BY a.archivedAt", String.class)
                .setParameter("cutoff", cutoff).setMaxResults(limit).getResultList();
    }

    private static ArchiveSummary summary(EvidenceArchive archive) {
        return new ArchiveSummary(archive.sha256(), archive.sizeBytes(), archive.keyId(), archive.archivedAt());
    }

}
