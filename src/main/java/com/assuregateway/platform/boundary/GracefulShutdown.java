package com.assuregateway.platform.boundary;

import com.assuregateway.problems.boundary.ProblemResponses;
import com.assuregateway.problems.entity.ProblemType;
import com.assuregateway.settings.control.ShutdownSettings;
import com.assuregateway.shared.control.Shutdown;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The graceful end on SIGTERM. Payara Micro stops on SIGTERM through a JVM shutdown hook, and shutdown hooks
 * run all at once and cannot wait for one another: by the time one runs, the server is already stopping under
 * its requests. So the gateway takes SIGTERM itself, before the JVM begins to shut down: readiness DOWN at once,
 * requests still served for {@code gateway.shutdown.drain-seconds}, then new ones refused (503, Retry-After) while
 * those in flight finish, for up to {@code gateway.shutdown.in-flight-seconds}; what is still running then is
 * answered 503 with Retry-After. Background workers hand their leases back ({@link Shutdown.HandBack}), and only
 * then does the JVM exit (status 0) and Payara's own hook stop the server. A second SIGTERM exits at once.
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class GracefulShutdown {

    private static final Logger LOG = Logger.getLogger(GracefulShutdown.class.getName());
    private static final Signal TERM = new Signal("TERM");

    @Inject
    RequestsInFlight requests;

    @Inject
    @ConfigProperties
    ShutdownSettings settings;

    @Inject
    Event<Shutdown.Draining> draining;

    @Inject
    Event<Shutdown.HandBack> handBack;

    @Inject
    Clock clock;

    @Resource(lookup = "java:comp/DefaultContextService")
    ContextService context;

    private final AtomicBoolean signalled = new AtomicBoolean();
    private final AtomicBoolean handedBack = new AtomicBoolean();
    private SignalHandler previous;
    private Runnable drainInContext;

    @PostConstruct
    void takeSigterm() {
        // the signal arrives on a thread of the JVM's own: the drain needs the application's context there
        drainInContext = context.createContextualProxy((Runnable) this::drain, Runnable.class);
        try {
            previous = Signal.handle(TERM, this::onSigterm);
        } catch (IllegalArgumentException | UnsupportedOperationException taken) {
            // -Xrs, or a platform without the signal: Payara's shutdown hook alone, without the drain
            LOG.log(Level.WARNING, "SIGTERM cannot be taken ({0}); a stop will not drain requests in flight",
                    taken.getMessage());
        }
    }

    private void onSigterm(Signal signal) {
        if (!signalled.compareAndSet(false, true)) {
            LOG.warning("A second SIGTERM: exiting at once");
            Runtime.getRuntime().halt(143);
            return;
        }
        try {
            drainInContext.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The drain failed: {0}; exiting", e.getClass().getName());
        }
        System.exit(0);
    }

    private void drain() {
        long drainMs = TimeUnit.SECONDS.toMillis(settings.drainSeconds());
        long inFlightMs = TimeUnit.SECONDS.toMillis(settings.inFlightSeconds());
        requests.drain();
        LOG.log(Level.INFO, "SIGTERM: readiness DOWN; serving {0} more s, then waiting up to {1} s for requests in "
                + "flight", new Object[]{settings.drainSeconds(), settings.inFlightSeconds()});
        draining.fire(new Shutdown.Draining(clock.instant()));
        try {
            Thread.sleep(drainMs);
            requests.close();
            int inFlight = requests.count();
            if (!requests.awaitIdle(inFlightMs)) {
                int answered = requests.answerRemaining(ProblemType.UNAVAILABLE.status(), problem(null),
                        settings.retryAfterSeconds());
                LOG.log(Level.WARNING, "Shutdown: {0} requests still running after {1} s were answered 503 with "
                        + "Retry-After", new Object[]{answered, settings.inFlightSeconds()});
            } else {
                LOG.log(Level.INFO, "Shutdown: every request in flight ({0} after the drain) was answered", inFlight);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        handBack();
    }

    /** Also on an undeploy without SIGTERM (Payara Server, a redeploy): the leases go back all the same. */
    @PreDestroy
    void stop() {
        if (previous != null && !signalled.get()) {
            try {
                // the handler refers to this application's classes: after an undeploy it must not stay
                Signal.handle(TERM, previous);
            } catch (IllegalArgumentException ignored) {
                // the JVM is already shutting down
            }
        }
        handBack();
    }

    private void handBack() {
        if (handedBack.compareAndSet(false, true)) {
            try {
                handBack.fire(new Shutdown.HandBack(clock.instant()));
            } catch (RuntimeException e) {
                // leases not handed back run out after gateway.followup.lease-seconds, as after a crash
                LOG.log(Level.WARNING, "Handing back background work failed: {0}", e.getClass().getName());
            }
        }
    }

    /** The 503 problem of a request this instance will not answer any more, as problem+json bytes. */
    static byte[] problem(String instance) {
        return ((String) ProblemResponses.of(ProblemType.UNAVAILABLE, "This instance is shutting down; retry "
                + "after the Retry-After seconds and another instance answers", instance).getEntity())
                .getBytes(StandardCharsets.UTF_8);
    }
}
