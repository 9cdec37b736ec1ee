package com.assuregateway.platform.boundary;

import com.assuregateway.problems.boundary.ProblemResponses;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/**
 * A client that accepts {@code application/problem+json} is taken to accept {@code application/json} at the
 * same quality, unless it names {@code application/json} itself. Clients generated from the OpenAPI document
 * send {@code Accept: application/problem+json} alone where success has no body (a 204), and RFC 9457 clients
 * list it beside their success type; JAX-RS matches {@code Accept} against the methods' {@code @Produces}
 * before a method runs, so such a request got 406 instead of its 204, its 404 or its result. Problems
 * themselves are always {@code application/problem+json}, whatever was asked (the mappers set the type).
 * <p>
 * One pre-matching filter rather than {@code problem+json} in every {@code @Produces}: that would let JAX-RS
 * serve a success body as {@code problem+json}.
 */
@Provider
@PreMatching
@Priority(3)
public class ProblemJsonAccept implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        String widened = widened(accept);
        if (widened != null && !widened.equals(accept)) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, widened);
        }
    }

    /** The Accept header with {@code application/json} added where only its problem variant is named. */
    static String widened(String accept) {
        if (accept == null || accept.isBlank()) {
            return accept;
        }
        String problemQuality = null;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            if (type.equals(MediaType.APPLICATION_JSON)) {
                return accept; // the client's own word on JSON stands, even q=0
            }
            if (type.equals(ProblemResponses.PROBLEM_JSON) && problemQuality == null) {
                problemQuality = quality(parts);
            }
        }
        if (problemQuality == null || refused(problemQuality)) {
            return accept;
        }
        return accept + ", " + MediaType.APPLICATION_JSON + (problemQuality.isEmpty() ? "" : ";q=" + problemQuality);
    }

    /** The q parameter as written, "" without one; JAX-RS itself refuses a malformed one later. */
    private static String quality(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String[] nameAndValue = parameters[i].split("=", 2);
            if (nameAndValue.length == 2 && nameAndValue[0].trim().equalsIgnoreCase("q")) {
                return nameAndValue[1].trim();
            }
        }
        return "";
    }

    private static boolean refused(String quality) {
        if (quality.isEmpty()) {
            return false;
        }
        try {
            return Double.parseDouble(quality) <= 0;
        } catch (NumberFormatException malformed) {
            return true;
        }
    }
}
