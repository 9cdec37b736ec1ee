package com.assuregateway.console.boundary;

import com.assuregateway.console.entity.ConsoleUser;
import com.assuregateway.problems.entity.GatewayProblem;
import com.assuregateway.reporting.boundary.AuditExports;
import com.assuregateway.reporting.control.AuditScope;
import com.assuregateway.reporting.control.FilterParameters;
import com.assuregateway.reporting.control.ProcessFilter;
import com.assuregateway.security.entity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The audit search's current filter as a CSV or NDJSON download: the API's export ({@link AuditExports}), scoped
 * by the same {@link AuditScope}. A plain resource, not a Jakarta MVC controller: its answer is a stream, not a
 * view.
 */
@RequestScoped
@Path("console/exports")
public class ExportResource {

    @Inject
    SignedIn signedIn;

    @Inject
    AuditExports exports;

    @Context
    UriInfo uriInfo;

    @GET
    @Path("processes.csv")
    public Response csv() {
        return export(true);
    }

    @GET
    @Path("processes.ndjson")
    public Response ndjson() {
        return export(false);
    }

    private Response export(boolean csv) {
        ConsoleUser user = signedIn.user();
        if (user == null || !user.hasAny(Role.AUDITOR, Role.PORTAL)) {
            return plain(403, "Exports are for auditors and portals.");
        }
        try {
            FilterParameters parameters = FilterParameters.of(AuditController.filled(uriInfo.getQueryParameters()),
                    FilterParameters.FILTER);
            ProcessFilter requested = parameters.filter();
            parameters.refuseIfInvalid();
            ProcessFilter filter = AuditScope.scoped(requested, user.auditScope());
            return csv ? exports.csv(filter) : exports.ndjson(filter);
        } catch (GatewayProblem problem) {
            return plain(problem.type().status(), problem.getMessage());
        }
    }

    static Response plain(int status, String message) {
        return Response.status(status).type("text/plain;charset=UTF-8").entity(message).build();
    }
}
