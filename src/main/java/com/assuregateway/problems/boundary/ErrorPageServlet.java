package com.assuregateway.problems.boundary;

import com.assuregateway.problems.entity.ProblemType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import jakarta.ws.rs.core.Response;

/**
 * Errors the servlet container answers itself, before JAX-RS sees the request: above all the 401 and 403 of
 * bearer-token authentication. Mapped as error page in web.xml, so they too are problem+json.
 */
@WebServlet("/problems/error")
public class ErrorPageServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : response.getStatus();
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        ProblemType type = switch (status) {
            case 401 -> ProblemType.UNAUTHORIZED;
            case 403 -> ProblemType.FORBIDDEN;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            default -> status >= 500 ? ProblemType.INTERNAL : ProblemType.MALFORMED_BODY;
        };
        Response problem = ProblemResponses.of(type, detail(type), uri == null ? null : uri.toString());
        response.setStatus(status);
        response.setContentType(ProblemResponses.PROBLEM_JSON);
        if (status == 401 && response.getHeader("WWW-Authenticate") == null) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.getWriter().write((String) problem.getEntity());
    }

    private static String detail(ProblemType type) {
        return switch (type) {
            case UNAUTHORIZED -> "A valid bearer token (signature, issuer, audience, expiry) is required";
            case FORBIDDEN -> "The token's roles do not allow this";
            case NOT_FOUND -> "No resource at this path";
            case METHOD_NOT_ALLOWED -> "This path does not accept that method";
            default -> "The request could not be completed";
        };
    }
}
