package com.assuregateway.archive.control;

import com.assuregateway.assure.control.TokenSeal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Optional;

/** The fleet's Assure token sealed with the archive keys, as the webhook secrets are. */
@ApplicationScoped
public class FleetTokenSeal implements TokenSeal {

    /** Bound into each seal: a value sealed for another column does not open as the token, nor the reverse. */
    static final String CONTEXT = "assure-fleet-token";

    @Inject
    SealedValues values;

    @Override
    public String seal(String token) {
        return values.seal(CONTEXT, token.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Optional<String> open(String sealed) {
        try {
            return Optional.of(new String(values.open(CONTEXT, sealed), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException | IllegalStateException unopenable) {
            // another key (an instance configured differently), or a value written before sealing
            return Optional.empty();
        }
    }
}
