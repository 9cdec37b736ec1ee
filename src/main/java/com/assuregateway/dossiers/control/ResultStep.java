package com.assuregateway.dossiers.control;

import com.assuregateway.dossiers.entity.ProcessStatus;

/**
 * What one answer of Assure about a process that is not final yet does to the record (the rule of
 * {@link FlowRecords#recordResult}; a final process or one of an erased dossier never gets this far).
 */
public enum ResultStep {

    /** Verification was requested here, yet Assure still says pending after the grace: the start never reached it. */
    LOST_VERIFICATION,
    /** Not final, or a status the gateway does not know: the status is noted and the next look planned. */
    NOT_FINAL,
    /** Final: the result is kept, the status moves, the gateway decides. */
    FINAL;

    /**
     * @param current          the process's status here
     * @param verificationStarted whether verification was requested here
     * @param intentGraceOver  whether that request is older than the intent grace
     * @param reported         Assure's status, null when the gateway does not know it
     */
    public static ResultStep of(ProcessStatus current, boolean verificationStarted, boolean intentGraceOver,
                                ProcessStatus reported) {
        if (reported == ProcessStatus.PENDING && current == ProcessStatus.PENDING && verificationStarted
                && intentGraceOver) {
            return LOST_VERIFICATION;
        }
        if (reported == null || !reported.isFinal()) {
            return NOT_FINAL;
        }
        return FINAL;
    }
}
