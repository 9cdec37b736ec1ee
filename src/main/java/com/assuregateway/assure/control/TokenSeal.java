package com.assuregateway.assure.control;

import java.util.Optional;

/**
 * How the fleet's shared access token is kept in its table ({@link FleetStore}): sealed, so that a reader of the
 * database does not get a credential for Signicat's API. Implemented where the keys are (the archive component),
 * which this one may not call.
 */
public interface TokenSeal {

    String seal(String token);

    /** The token, or empty when this instance cannot open it (a key it does not hold): then it fetches its own. */
    Optional<String> open(String sealed);
}
