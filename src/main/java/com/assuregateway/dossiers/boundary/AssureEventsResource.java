package com.assuregateway.dossiers.boundary;

import com.assuregateway.platform.control.Jsonp;
import com.assuregateway.problems.boundary.ProblemResponses;
import com.assuregateway.problems.entity.ProblemType;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signicat's process-complete events (webhook). Authenticated by the shared secret (header named by
 * {@code gateway.events.secret-header}), not by a portal token. The payload schema is not public, so an
 * event is only a hint: every {@code processId} found in it is followed up at once by asking Assure; the
 * event's own content never sets a status.
 */
@RequestScoped
@Path("api/v1/assure-events")
public class AssureEventsResource {

    @Inject
    FaceTecFlow flow;

    @Inject
    @ConfigProperty(name = "gateway.events.secret")
    Optional<String> secret;

    @Inject
    @ConfigProperty(name = "gateway.events.secret-header", defaultValue = "X-Assure-Event-Secret")
    String secretHeader;

    @jakarta.ws.rs.core.Context
    jakarta.ws.rs.core.HttpHeaders headers;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response event(String body) {
        if (secret.isPresent() && !matches(headers.getHeaderString(secretHeader), secret.get())) {
            return ProblemResponses.of(ProblemType.UNAUTHORIZED, "The event's shared secret is missing or wrong",
                    "/api/v1/assure-events");
        }
        JsonValue event;
        try {
            event = Jsonp.PROVIDER.createReader(new StringReader(body)).readValue();
        } catch (RuntimeException notJson) {
            return ProblemResponses.of(ProblemType.MALFORMED_BODY, "The event is not JSON", "/api/v1/assure-events");
        }
        Set<String> processIds = new LinkedHashSet<>();
        collectProcessIds(event, processIds);
        long known = processIds.stream().filter(flow::assureEvent).count();
        return Response.accepted(Jsonp.PROVIDER.createObjectBuilder()
                .add("processIdsFound", processIds.size())
                .add("followUpsScheduled", known)
                .build().toString()).type(MediaType.APPLICATION_JSON).build();
    }

    private static void collectProcessIds(JsonValue value, Set<String> found) {
        if (value instanceof JsonObject object) {
            object.forEach((key, child) -> {
                if ("processId".equals(key) && child instanceof JsonString id && !id.getString().isBlank()) {
                    found.add(id.getString());
                } else {
                    collectProcessIds(child, found);
                }
            });
        } else if (value instanceof JsonArray array) {
            array.forEach(child -> collectProcessIds(child, found));
        }
    }

    private static boolean matches(String given, String expected) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }
}
