package com.assuregateway.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import java.util.logging.Logger;

/**
 * Makes Eclipse Krazo's form-method filter one bean for the application instead of one per request. Krazo (the
 * console's MVC) registers its filters in every JAX-RS application of the WAR, so they run on every portal call too,
 * and this one, request-scoped, searches the class path with a ServiceLoader each time it is built: 8% of the
 * gateway's CPU samples in the benchmark (docs/performance/README.md, issue 17). It keeps no state between
 * requests (the form it reads is the request's), so one instance serves all. Krazo 3.0.1, shipped with Payara 6.
 */
public class KrazoFilterOnce implements Extension {

    static final String FORM_METHOD_FILTER = "org.eclipse.krazo.forms.FormMethodOverwriteFilter";
    private static final Logger LOG = Logger.getLogger(KrazoFilterOnce.class.getName());
    private boolean found;

    <T> void onePerApplication(@Observes @WithAnnotations(RequestScoped.class) ProcessAnnotatedType<T> type) {
        if (!type.getAnnotatedType().getJavaClass().getName().equals(FORM_METHOD_FILTER)) {
            return;
        }
        type.configureAnnotatedType()
                .remove(annotation -> annotation.annotationType() == RequestScoped.class)
                .add(ApplicationScoped.Literal.INSTANCE);
        found = true;
        LOG.info(() -> FORM_METHOD_FILTER + " is application-scoped: built once, not per request");
    }

    /** A Payara with another Krazo may name or scope the filter differently: say so rather than cost silently. */
    void report(@Observes AfterDeploymentValidation done) {
        if (!found) {
            LOG.warning(() -> "No request-scoped " + FORM_METHOD_FILTER + " was found; if this Krazo builds its "
                    + "form-method filter per request, every portal call pays for a class-path search again");
        }
    }
}
