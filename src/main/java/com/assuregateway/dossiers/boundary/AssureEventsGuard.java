package com.assuregateway.dossiers.boundary;

import com.assuregateway.dossiers.control.EventAuthenticity;
import com.assuregateway.problems.boundary.ProblemResponses;
import com.assuregateway.problems.entity.ProblemType;
import com.assuregateway.settings.control.EventSettings;
import com.assuregateway.settings.control.SandboxSettings;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * Lets an Assure event through only from Signicat, before the resource reads its body. Closed by default:
 * with the sandbox off and no {@code gateway.events.secret} every event is refused (503 configuration),
 * never accepted unauthenticated; a configured secret is enforced always, sandbox or not. The body is read
 * here, bounded by {@code gateway.events.max-body-bytes} (413 past it, at once when Content-Length says so):
 * after the plain secret has matched, or, for an HMAC, to verify it.
 */
@Provider
@AssureEventSender
@Priority(Priorities.AUTHENTICATION)
public class AssureEventsGuard implements ContainerRequestFilter {

    static final String PATH = "/api/v1/assure-events";

    @Inject
    @ConfigProperties
    SandboxSettings sandbox;

    @Inject
    @ConfigProperties
    EventSettings settings;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        Optional<String> configured = settings.secret().filter(s -> !s.isBlank());
        if (configured.isEmpty()) {
            if (!sandbox.enabled()) {
                request.abortWith(ProblemResponses.of(ProblemType.CONFIGURATION, "Assure events are refused: "
                        + "gateway.events.secret is not set (the secret of the webhook in Signicat's dashboard)", PATH));
                return;
            }
            // the sandbox without a secret: the development run accepts its own test events
            readBounded(request);
            return;
        }
        boolean hmac = "hmac".equals(settings.auth());
        if (!hmac && !"header".equals(settings.auth())) {
            request.abortWith(ProblemResponses.of(ProblemType.CONFIGURATION,
                    "gateway.events.auth must be header or hmac; Assure events are refused", PATH));
            return;
        }
        if (!hmac && !EventAuthenticity.secretMatches(request.getHeaderString(settings.secretHeader()), configured.get())) {
            refuse(request, "The event's shared secret is missing or wrong");
            return;
        }
        byte[] body = readBounded(request);
        if (body != null && hmac
                && !EventAuthenticity.signatureMatches(request.getHeaderString(settings.signatureHeader()), configured.get(), body)) {
            refuse(request, "The event's signature is missing or wrong");
        }
    }

    /** The body, at most maxBodyBytes of it, handed on to the resource; null when it was refused as too large. */
    private byte[] readBounded(ContainerRequestContext request) throws IOException {
        if (request.getLength() > settings.maxBodyBytes()) {
            tooLarge(request);
            return null;
        }
        byte[] body = request.getEntityStream().readNBytes(settings.maxBodyBytes() + 1);
        if (body.length > settings.maxBodyBytes()) {
            tooLarge(request);
            return null;
        }
        request.setEntityStream(new ByteArrayInputStream(body));
        return body;
    }

    private void tooLarge(ContainerRequestContext request) {
        request.abortWith(ProblemResponses.of(ProblemType.PAYLOAD_TOO_LARGE,
                "An Assure event is at most " + settings.maxBodyBytes() + " bytes", PATH));
    }

    private static void refuse(ContainerRequestContext request, String detail) {
        request.abortWith(ProblemResponses.of(ProblemType.UNAUTHORIZED, detail, PATH));
    }
}
