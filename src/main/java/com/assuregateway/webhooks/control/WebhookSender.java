package com.assuregateway.webhooks.control;

import com.assuregateway.settings.control.WebhookSettings;
import com.assuregateway.webhooks.entity.AttemptResult;
import com.assuregateway.webhooks.entity.WebhookEndpoint;
import com.assuregateway.webhooks.entity.WebhookEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * One attempt of one delivery over HTTP, as Standard Webhooks has it: the stored body unchanged, the event's
 * id as {@code webhook-id} (the same on every attempt, so receivers can drop a repeat), the attempt's own
 * {@code webhook-timestamp}, and a {@code webhook-signature} per live secret. The target is checked again
 * on the addresses its host resolves to now; redirects are not followed (a 3xx is a failed attempt); the
 * whole attempt has a time limit. Attempts run side by side ({@link #send} does not block on the answer).
 */
@ApplicationScoped
public class WebhookSender {

    @Inject
    @ConfigProperties
    WebhookSettings settings;

    @Inject
    WebhookSecrets secrets;

    @Inject
    TargetPolicy targets;

    @Inject
    Clock clock;

    private HttpClient http;

    @PostConstruct
    void client() {
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofMillis(settings.timeoutMs()))
                .build();
    }

    public CompletableFuture<AttemptResult> send(WebhookEvent event, WebhookEndpoint endpoint) {
        HttpRequest request;
        try {
            request = request(event, endpoint);
        } catch (UnsafeTarget unsafe) {
            return CompletableFuture.completedFuture(AttemptResult.noAnswer("not sent: " + unsafe.getMessage()));
        } catch (GeneralSecurityException | RuntimeException unopened) {
            // a missing archive key, say: the configuration is the problem, and the delivery waits for it
            return CompletableFuture.completedFuture(AttemptResult.noAnswer("not sent: the endpoint's secret "
                    + "cannot be opened (" + unopened.getClass().getSimpleName() + ")"));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(answer -> AttemptResult.answered(answer.statusCode(),
                        RetrySchedule.retryAfter(answer.headers().firstValue("Retry-After").orElse(null),
                                clock.instant())))
                .exceptionally(WebhookSender::failure);
    }

    private HttpRequest request(WebhookEvent event, WebhookEndpoint endpoint)
            throws UnsafeTarget, GeneralSecurityException {
        boolean privateAllowed = targets.privateAllowed();
        URI target = WebhookTargets.parse(endpoint.url(), privateAllowed);
        WebhookTargets.resolvePublic(target, privateAllowed);
        List<String> signing = new ArrayList<>();
        signing.add(secrets.open(endpoint.id(), endpoint.secretSealed()));
        String previous = endpoint.previousSecretSealed(clock.instant());
        if (previous != null) {
            signing.add(secrets.open(endpoint.id(), previous));
        }
        long timestamp = clock.instant().getEpochSecond();
        return HttpRequest.newBuilder(target)
                .timeout(Duration.ofMillis(settings.timeoutMs()))
                .header("Content-Type", "application/json")
                .header("User-Agent", "assure-gateway-webhooks")
                .header("webhook-id", event.id())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSecrets.signatures(event.id(), timestamp, event.body(), signing))
                .POST(HttpRequest.BodyPublishers.ofString(event.body(), StandardCharsets.UTF_8))
                .build();
    }

    /** The kind of failure only: an exception's message may quote the receiver's answer. */
    private static AttemptResult failure(Throwable thrown) {
        Throwable cause = thrown instanceof CompletionException && thrown.getCause() != null ? thrown.getCause()
                : thrown;
        if (cause instanceof HttpConnectTimeoutException) {
            return AttemptResult.noAnswer("connect timeout");
        }
        if (cause instanceof HttpTimeoutException) {
            return AttemptResult.noAnswer("timeout");
        }
        return AttemptResult.noAnswer("no answer: " + cause.getClass().getSimpleName());
    }
}
