package com.assuregateway.reporting.boundary;

import com.assuregateway.reporting.control.AuditPermits;
import com.assuregateway.reporting.control.AuditPermits.Permit;
import com.assuregateway.reporting.control.AuditQueries;
import com.assuregateway.reporting.control.AuditQueries.Page;
import com.assuregateway.reporting.control.AuditScope;
import com.assuregateway.reporting.control.Cursor;
import com.assuregateway.reporting.control.FilterParameters;
import com.assuregateway.reporting.control.ProcessFilter;
import com.assuregateway.problems.entity.GatewayProblem;
import com.assuregateway.security.boundary.Caller;
import com.assuregateway.security.entity.Role;
import com.assuregateway.security.entity.TenantScope;
import com.assuregateway.settings.control.AuditSettings;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * The audit API over the whole record: processes by any filter in keyset pages, one process's timeline,
 * statistics, and streamed exports. An auditor reads every tenant; a portal reads its own tenant only (a
 * filter naming another tenant is refused, a process of another tenant does not exist for it). The reads over
 * a whole range (exports, statistics, totals) run a bounded number at a time ({@link AuditPermits}).
 */
@RequestScoped
@Path("api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    static final String NDJSON = "application/x-ndjson";
    private static final Set<String> PAGE_PARAMETERS = with(FilterParameters.FILTER, "cursor", "limit", "total");
    private static final Set<String> STATS_PARAMETERS = without(FilterParameters.FILTER, "order");

    @Inject
    AuditQueries queries;

    @Inject
    Caller caller;

    @Inject
    AuditPermits permits;

    @Inject
    AuditExports exports;

    @Inject
    @ConfigProperties
    AuditSettings settings;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    @GET
    @Path("processes")
    @RolesAllowed({Role.AUDITOR, Role.PORTAL})
    public ProcessPage processes() {
        FilterParameters parameters = FilterParameters.of(uriInfo.getQueryParameters(), PAGE_PARAMETERS);
        ProcessFilter requested = parameters.filter();
        int limit = parameters.limit(Math.max(1, Math.min(settings.defaultPageSize(), FilterParameters.MAX_PAGE_SIZE)));
        boolean total = Boolean.TRUE.equals(parameters.bool("total"));
        Cursor cursor = parameters.cursor();
        parameters.refuseIfInvalid();
        ProcessFilter filter = scoped(requested);
        Cursor after = cursor == null ? null : cursor.requireFilter(filter);
        // a count is refused before the page is read, not after (a null resource is not closed)
        try (Permit countPermit = total ? permits.aggregate() : null) {
            Page page = queries.page(filter, after, limit);
            return new ProcessPage(page.rows().stream().map(AuditProcessView::of).toList(), limit,
                    page.next() == null ? null : page.next().encode(), total ? queries.count(filter) : null);
        }
    }

    @GET
    @Path("processes/{processId}/events")
    @RolesAllowed({Role.AUDITOR, Role.PORTAL})
    public TimelineView timeline(@PathParam("processId") String processId) {
        return queries.timeline(processId)
                .filter(timeline -> seesEveryTenant() || timeline.tenant().equals(caller.tenant()))
                .map(TimelineView::of)
                .orElseThrow(() -> GatewayProblem.notFound("Process", processId));
    }

    @GET
    @Path("stats")
    @RolesAllowed({Role.AUDITOR, Role.PORTAL})
    public StatsView stats() {
        FilterParameters parameters = FilterParameters.of(uriInfo.getQueryParameters(), STATS_PARAMETERS);
        ProcessFilter requested = parameters.filter();
        parameters.refuseIfInvalid();
        ProcessFilter filter = scoped(requested);
        Map<String, String> echoed = new LinkedHashMap<>(filter.parameters());
        echoed.remove("order");
        try (Permit permit = permits.aggregate()) {
            return StatsView.of(echoed, queries.statistics(filter));
        }
    }

    @GET
    @Path("processes.csv")
    @RolesAllowed({Role.AUDITOR, Role.PORTAL})
    @Produces("text/csv;charset=UTF-8")
    public Response exportCsv() {
        return export(ProcessExport.Format.CSV);
    }

    @GET
    @Path("processes.ndjson")
    @RolesAllowed({Role.AUDITOR, Role.PORTAL})
    @Produces(NDJSON)
    public Response exportNdjson() {
        return export(ProcessExport.Format.NDJSON);
    }

    /** Filter errors are answered before the export starts; the rest is {@link AuditExports}'. */
    private Response export(ProcessExport.Format format) {
        FilterParameters parameters = FilterParameters.of(uriInfo.getQueryParameters(), FilterParameters.FILTER);
        ProcessFilter requested = parameters.filter();
        parameters.refuseIfInvalid();
        return exports.export(scoped(requested), format);
    }

    private ProcessFilter scoped(ProcessFilter requested) {
        return AuditScope.scoped(requested, seesEveryTenant() ? TenantScope.all() : TenantScope.of(caller.tenant()));
    }

    private boolean seesEveryTenant() {
        return security.isUserInRole(Role.AUDITOR);
    }

    private static Set<String> with(Set<String> names, String... more) {
        Set<String> all = new HashSet<>(names);
        all.addAll(Set.of(more));
        return Set.copyOf(all);
    }

    private static Set<String> without(Set<String> names, String name) {
        Set<String> all = new HashSet<>(names);
        all.remove(name);
        return Set.copyOf(all);
    }
}
