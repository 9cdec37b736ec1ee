package com.assuregateway.dossiers.boundary;

import com.assuregateway.dossiers.control.FollowUp;
import com.assuregateway.problems.boundary.ProblemResponses;
import com.assuregateway.problems.entity.ProblemType;
import com.assuregateway.settings.control.EventSettings;
import com.assuregateway.shared.control.Jsonp;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * Signicat's process-complete events (webhook). Authenticated by {@link AssureEventsGuard} (the secret of the
 * webhook, as a header or an HMAC of the body), not by a portal token, before the body is read. The payload
 * schema is not public, so an event is only a hint: every {@code processId} found in it (at most
 * {@code gateway.events.max-process-ids}) is followed up soon by asking Assure, within the flood rule of
 * {@link com.assuregateway.dossiers.control.FollowUpPolicy#eventLook}; the event's own content never sets a
 * status.
 */
@RequestScoped
@Path("api/v1/assure-events")
@AssureEventSender
public class AssureEventsResource {

    @Inject
    FollowUp followUp;

    @Inject
    @ConfigProperties
    EventSettings settings;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response event(byte[] body) {
        JsonValue event;
        try {
            event = Jsonp.PROVIDER.createReader(new ByteArrayInputStream(body)).readValue();
        } catch (RuntimeException notJson) {
            return ProblemResponses.of(ProblemType.MALFORMED_BODY, "The event is not JSON", AssureEventsGuard.PATH);
        }
        Set<String> processIds = processIds(event, settings.maxProcessIds() + 1);
        if (processIds.size() > settings.maxProcessIds()) {
            // one event names one process; hundreds are no event but a way to make the gateway call Assure
            return ProblemResponses.of(ProblemType.PAYLOAD_TOO_LARGE, "An event names at most " + settings.maxProcessIds()
                    + " process ids", AssureEventsGuard.PATH);
        }
        Map<FollowUp.EventEffect, Integer> effects = new EnumMap<>(FollowUp.EventEffect.class);
        processIds.forEach(id -> effects.merge(followUp.assureEvent(id), 1, Integer::sum));
        return Response.accepted(Jsonp.PROVIDER.createObjectBuilder()
                .add("processIdsFound", processIds.size())
                .add("followUpsScheduled", effects.getOrDefault(FollowUp.EventEffect.SCHEDULED, 0))
                .add("followUpsCoalesced", effects.getOrDefault(FollowUp.EventEffect.COALESCED, 0))
                .build().toString()).type(MediaType.APPLICATION_JSON).build();
    }

    /** What a process id of Assure can look like; anything else (NUL, 10 KB...) is no process of ours. */
    private static final Pattern PLAUSIBLE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /**
     * The distinct plausible {@code processId} strings anywhere in the event, up to limit. Walked with a
     * stack of its own: the nesting of a body is the sender's choice, the depth of this thread's stack is not.
     * An implausible id is skipped before it reaches a query, where PostgreSQL would refuse a NUL with an error.
     */
    static Set<String> processIds(JsonValue event, int limit) {
        Set<String> found = new LinkedHashSet<>();
        Deque<JsonValue> pending = new ArrayDeque<>();
        pending.push(event);
        while (!pending.isEmpty() && found.size() < limit) {
            JsonValue value = pending.pop();
            if (value instanceof JsonObject object) {
                object.forEach((key, child) -> {
                    if ("processId".equals(key) && child instanceof JsonString id) {
                        if (PLAUSIBLE_ID.matcher(id.getString()).matches()) {
                            found.add(id.getString());
                        }
                    } else {
                        pending.push(child);
                    }
                });
            } else if (value instanceof JsonArray array) {
                array.forEach(pending::push);
            }
        }
        return found;
    }
}
