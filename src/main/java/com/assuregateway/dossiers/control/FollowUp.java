package com.assuregateway.dossiers.control;

import com.assuregateway.archive.control.EvidenceArchives;
import com.assuregateway.archive.entity.ArchiveSummary;
import com.assuregateway.assure.control.AssureApi;
import com.assuregateway.audit.control.StepEvents;
import com.assuregateway.assure.control.ZipGone;
import com.assuregateway.assure.entity.AssureResult;
import com.assuregateway.assure.entity.Download;
import com.assuregateway.audit.entity.Subject;
import com.assuregateway.dossiers.entity.Dossier;
import com.assuregateway.dossiers.entity.VerificationProcess;
import com.assuregateway.problems.entity.GatewayProblem;
import com.assuregateway.settings.control.ArchiveSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * The follow-up engine: what the background rounds ({@code FollowUpTimer}) do with one due process, and what
 * an event from Assure does to the queue. Asks Assure while a process is not final (until the deadline),
 * archives its full result once it is, and repairs a reservation whose creation at Assure was interrupted.
 * Like the portal's use cases it runs without a transaction of its own: every database step commits on its
 * own ({@link FollowUpRecords}, {@link FlowRecords}), so none stays open while Assure is slow.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class FollowUp {

    @Inject
    FollowUpRecords records;

    @Inject
    FlowRecords flow;

    @Inject
    AssureApi assure;

    @Inject
    StepEvents steps;

    @Inject
    EvidenceArchives archives;

    @Inject
    FollowUpPolicy policy;

    @Inject
    @ConfigProperties
    ArchiveSettings archiveSettings;

    /**
     * The background follow-up of one process: ask Assure while it is not final (until the deadline), then
     * archive its full result. Failures are recorded by the calls themselves and retried later.
     */
    public void followUp(String processId) {
        steps.during(() -> {
            VerificationProcess process = records.processForFollowUp(processId);
            if (process == null || process.nextCheckAt() == null) {
                return;
            }
            Dossier dossier = records.dossierOf(process);
            if (dossier.isErased()) {
                // erased: Assure has nothing more to say about it, and nothing of it is to be kept
                records.stopFollowUp(processId);
                return;
            }
            try {
                if (!process.isLinkedUpstream()) {
                    repairReservedProcess(dossier, process);
                    return;
                }
                if (!process.status().isFinal()) {
                    if (policy.deadlinePassed(process)) {
                        records.expire(processId);
                        return;
                    }
                    process = refresh(dossier, process);
                }
                if (process.status().isFinal() && process.nextCheckAt() != null) {
                    archive(dossier, process);
                }
            } catch (ZipGone gone) {
                records.archiveGone(processId, gone.httpStatus());
            } catch (GatewayProblem upstreamOrConfiguration) {
                records.followUpFailed(processId);
            }
        });
    }

    /** Asks Assure where the process stands and records the answer (also when a portal reads a process that is not final). */
    public VerificationProcess refresh(Dossier dossier, VerificationProcess process) {
        AssureResult result = assure.getProcess(subject(process), dossier.assureDossierId(), process.assureProcessId());
        return flow.recordResult(process.id(), result);
    }

    private void archive(Dossier dossier, VerificationProcess process) {
        Optional<ArchiveSummary> stored = archives.summary(process.id());
        if (stored.isPresent()) {
            records.archived(process.id(), stored.get());
            return;
        }
        Optional<Download> download = assure.download(subject(process), dossier.assureDossierId(),
                process.assureProcessId());
        if (download.isEmpty()) {
            records.archiveNotReady(process.id());
            return;
        }
        byte[] zip;
        try (Download body = download.get()) {
            zip = body.body().readAllBytes();
        } catch (java.io.IOException e) {
            records.followUpFailed(process.id());
            return;
        }
        if (!FullResults.isZip(zip)) {
            // a broken answer is not evidence: it is asked for again, and never archived
            records.fullResultUnreadable(process.id(), zip.length);
            return;
        }
        if (records.archive(process.id(), zip).isPresent() && archiveSettings.deleteUpstream()) {
            assure.deleteProcess(subject(process), dossier.assureDossierId(), process.assureProcessId());
        }
    }

    /** What an event from Assure did for one of the process ids it named. */
    public enum EventEffect { UNKNOWN_PROCESS, SCHEDULED, COALESCED }

    /** Marks a process for a prompt look after Assure said something happened to it; the event's content is not trusted. */
    public EventEffect assureEvent(String assureProcessId) {
        Optional<VerificationProcess> process = records.processByAssureId(assureProcessId);
        if (process.isEmpty()) {
            return EventEffect.UNKNOWN_PROCESS;
        }
        return records.eventArrived(process.get().id(), "event from Assure") ? EventEffect.SCHEDULED
                : EventEffect.COALESCED;
    }

    /**
     * A process reserved here whose creation at Assure was interrupted (a crash, a lost answer). The portal
     * never got its FaceTec session parameters, so a process Assure made for it is of no use: once no
     * creation in this dossier can still be in flight, every Assure process the gateway does not know is an
     * orphan and is deleted at Assure, and the reservation goes. Nothing is left behind, nothing is doubled.
     */
    private void repairReservedProcess(Dossier dossier, VerificationProcess process) {
        if (!policy.intentGraceOver(process.upstreamRequestedAt()) || flow.creationInFlight(dossier.id())) {
            records.followUpFailed(process.id());
            return;
        }
        List<String> known = flow.linkedAssureProcessIds(dossier.id());
        List<String> orphans = assure.processIds(subject(process), dossier.assureDossierId()).stream()
                .filter(id -> !known.contains(id)).toList();
        for (String orphan : orphans) {
            assure.deleteProcess(subject(process), dossier.assureDossierId(), orphan);
        }
        flow.dropReservedProcess(process.id(), orphans.isEmpty() ? "Assure has no process for this reservation"
                : "Assure made it, but its answer was lost: deleted there as orphan " + orphans);
    }

    private static Subject subject(VerificationProcess process) {
        return Subject.process(process.dossierId(), process.id());
    }
}
