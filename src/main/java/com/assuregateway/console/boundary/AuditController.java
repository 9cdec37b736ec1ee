package com.assuregateway.console.boundary;

import com.assuregateway.console.entity.ConsoleUser;
import com.assuregateway.dossiers.boundary.FaceTecFlow;
import com.assuregateway.problems.entity.GatewayProblem;
import com.assuregateway.reporting.control.AuditQueries;
import com.assuregateway.reporting.control.AuditQueries.Page;
import com.assuregateway.reporting.control.AuditScope;
import com.assuregateway.reporting.control.Cursor;
import com.assuregateway.reporting.control.FilterParameters;
import com.assuregateway.reporting.control.ProcessFilter;
import com.assuregateway.reporting.entity.ProcessTimeline;
import com.assuregateway.security.entity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The audit record as pages: the filters of {@code GET /api/v1/audit/processes} as a form (the same parameter
 * names, parsed by the same {@link FilterParameters}, scoped by the same {@link AuditScope}), keyset paging, a
 * process's timeline read-only; the current filter's CSV or NDJSON export is {@link ExportResource}'s.
 */
@Controller
@RequestScoped
@Path("console/audit")
public class AuditController {

    static final int PAGE_SIZE = 25;
    private static final Set<String> PAGE_PARAMETERS;

    static {
        Set<String> names = new HashSet<>(FilterParameters.FILTER);
        names.add("cursor");
        PAGE_PARAMETERS = Set.copyOf(names);
    }

    @Inject
    Models models;

    @Inject
    Pages pages;

    @Inject
    AuditQueries queries;

    @Inject
    FaceTecFlow flow;

    @Context
    UriInfo uriInfo;

    @GET
    public Response search() {
        Optional<ConsoleUser> user = pages.userWith(Role.AUDITOR, Role.PORTAL);
        if (user.isEmpty()) {
            return pages.refused();
        }
        Map<String, List<String>> query = filled(uriInfo.getQueryParameters());
        models.put("query", single(query));
        models.put("allTenants", user.get().auditScope().tenant() == null);
        try {
            FilterParameters parameters = FilterParameters.of(query, PAGE_PARAMETERS);
            ProcessFilter requested = parameters.filter();
            Cursor cursor = parameters.cursor();
            parameters.refuseIfInvalid();
            ProcessFilter filter = AuditScope.scoped(requested, user.get().auditScope());
            Page page = queries.page(filter, cursor == null ? null : cursor.requireFilter(filter), PAGE_SIZE);
            models.put("rows", page.rows());
            Map<String, List<String>> withoutCursor = new LinkedHashMap<>(query);
            withoutCursor.remove("cursor");
            String filterQuery = encode(withoutCursor);
            models.put("filterQuery", filterQuery);
            models.put("next", page.next() == null ? null
                    : (filterQuery.isEmpty() ? "" : filterQuery + "&") + "cursor=" + page.next().encode());
            return Response.ok("audit.jsp").build();
        } catch (GatewayProblem problem) {
            models.put("rows", List.of());
            models.put("error", problem.getMessage() + problem.fieldErrors().stream()
                    .map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; ", " ", "")));
            return Response.status(problem.type().status()).entity("audit.jsp").build();
        }
    }

    @GET
    @Path("processes/{processId}")
    public Response process(@PathParam("processId") String processId) {
        Optional<ConsoleUser> user = pages.userWith(Role.AUDITOR, Role.PORTAL);
        if (user.isEmpty()) {
            return pages.refused();
        }
        Optional<ProcessTimeline> timeline = queries.timeline(processId)
                .filter(t -> user.get().auditScope().permits(t.tenant()));
        if (timeline.isEmpty()) {
            return pages.problem(GatewayProblem.notFound("Process", processId));
        }
        models.put("timeline", timeline.get());
        // the evidence for auditors (each look is an audit event); a portal sees the record only
        models.put("evidence", user.get().has(Role.AUDITOR) ? EvidenceResource.names(flow, user.get().readScope(),
                timeline.get().dossierId(), processId) : List.of());
        return Response.ok("audit-process.jsp").build();
    }

    /** A form sends its empty fields too; to the filter an empty field is no criterion. */
    static Map<String, List<String>> filled(Map<String, List<String>> query) {
        Map<String, List<String>> filled = new LinkedHashMap<>();
        query.forEach((name, values) -> {
            List<String> given = values.stream().filter(v -> v != null && !v.isBlank()).toList();
            if (!given.isEmpty()) {
                filled.put(name, given);
            }
        });
        return filled;
    }

    private static Map<String, String> single(Map<String, List<String>> query) {
        Map<String, String> single = new LinkedHashMap<>();
        query.forEach((name, values) -> single.put(name, String.join(",", values)));
        return single;
    }

    static String encode(Map<String, List<String>> query) {
        return query.entrySet().stream().flatMap(e -> e.getValue().stream().map(v ->
                        URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)))
                .collect(Collectors.joining("&"));
    }
}
