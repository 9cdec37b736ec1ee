package com.assuregateway.shared.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The one clock of the gateway: every control and boundary class that needs the time injects {@link Clock}
 * instead of calling {@code Instant.now()}, and entities take the instant of a transition as a parameter, so
 * the rules can be tested with a fixed clock. Nobody imports this class; the JDK type is the contract.
 */
@ApplicationScoped
public class Clocks {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
