package com.assuregateway.reporting.boundary;

import com.assuregateway.reporting.control.AuditPermits;
import com.assuregateway.reporting.control.AuditPermits.Permit;
import com.assuregateway.reporting.control.AuditQueries;
import com.assuregateway.reporting.control.AuditQueries.Page;
import com.assuregateway.reporting.control.ProcessFilter;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A streamed export of an already scoped filter, for the audit API and the console. A refusal past the export
 * limit and a failure of the first page (a timeout) are answered before the first byte is streamed, with their
 * proper status. The permit then belongs to the export, which gives it back when written or broken off.
 */
@RequestScoped
public class AuditExports {

    @Inject
    AuditQueries queries;

    @Inject
    AuditPermits permits;

    @Inject
    Clock clock;

    /** This request's export permit, if it took one. */
    private Permit exportPermit;

    public Response csv(ProcessFilter filter) {
        return export(filter, ProcessExport.Format.CSV);
    }

    public Response ndjson(ProcessFilter filter) {
        return export(filter, ProcessExport.Format.NDJSON);
    }

    Response export(ProcessFilter filter, ProcessExport.Format format) {
        Instant generatedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        exportPermit = permits.export();
        Page first;
        try {
            first = queries.exportPage(filter, null);
        } catch (RuntimeException e) {
            exportPermit.close();
            throw e;
        }
        ProcessExport export = new ProcessExport(queries, filter, format, generatedAt, first, exportPermit);
        return Response.ok(export, format.mediaType)
                .header("Content-Disposition", "attachment; filename=\"" + export.fileName() + "\"")
                .build();
    }

    /**
     * A backstop: should the export never be written (the request ended before JAX-RS wrote the entity), its
     * permit still comes back when the request ends. Releasing twice is harmless.
     */
    @PreDestroy
    void releaseExportPermit() {
        if (exportPermit != null) {
            exportPermit.close();
        }
    }
}
