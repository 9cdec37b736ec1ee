package com.assuregateway.webhooks.entity;

import java.time.Instant;

/**
 * The {@code data} of each event: ids, statuses and reasons only. Never biometric data, fingerprints, the
 * FaceTec session or an end-user's reference: a portal maps the ids to its own records.
 */
public sealed interface EventPayload {

    EventType type();

    /** The dossier the event is about, so its erasure finds it; null for a test event. */
    String dossierId();

    /** A process reached a final status and the gateway decided. */
    record ProcessFinalized(String dossierId, String processId, String status, String decision, String decisionReason,
                            String assureStatus, Instant finalizedAt) implements EventPayload {
        @Override
        public EventType type() {
            return EventType.PROCESS_FINALIZED;
        }
    }

    /** A reviewer gave a verdict; the reviewer's identity only when the operator configured it. */
    record ProcessReviewed(String dossierId, String processId, String outcome, String reason, String reviewerRole,
                           String reviewer, Instant reviewedAt) implements EventPayload {
        @Override
        public EventType type() {
            return EventType.PROCESS_REVIEWED;
        }
    }

    /** The dossier was erased here and at Assure. */
    record DossierErased(String dossierId, Instant erasedAt) implements EventPayload {
        @Override
        public EventType type() {
            return EventType.DOSSIER_ERASED;
        }
    }

    /** Sent on request to check an endpoint and its signature verification. */
    record WebhookTest(String endpointId) implements EventPayload {
        @Override
        public EventType type() {
            return EventType.WEBHOOK_TEST;
        }

        @Override
        public String dossierId() {
            return null;
        }
    }
}
