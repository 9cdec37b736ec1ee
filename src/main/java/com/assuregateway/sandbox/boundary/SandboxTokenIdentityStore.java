package com.assuregateway.sandbox.boundary;

import com.assuregateway.sandbox.control.SandboxStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.lang.reflect.Method;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Lets the sandbox's own opaque access tokens through the server's bearer-token authentication, whatever
 * the portal JWT settings are. Payara's MicroProfile JWT mechanism hands every {@code Authorization: Bearer}
 * header of every path to the identity stores and answers 401 unless one of them says VALID; its own store
 * knows only the portal identity provider's key. This store says VALID for a live sandbox token and nothing
 * else, and only while the sandbox is on, so the sandbox works behind the company's identity provider
 * (a staging set-up) and needs no development key. Its caller has no portal role and no tenant.
 */
@ApplicationScoped
public class SandboxTokenIdentityStore implements IdentityStore {

    static final String CALLER = "assure-sandbox-client";
    static final String GROUP = "assure-sandbox-client";

    @Inject
    SandboxStore store;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!SandboxGate.isEnabled()) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return bearerToken(credential).filter(store::isTokenValid)
                .map(token -> new CredentialValidationResult(CALLER, Set.of(GROUP)))
                .orElse(CredentialValidationResult.NOT_VALIDATED_RESULT);
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return EnumSet.of(ValidationType.VALIDATE);
    }

    /**
     * The token of Payara's JWT credential ({@code SignedJWTCredential#getSignedJWT}), read by name: the class
     * is Payara's own and not on the compile class path. Another credential yields nothing, so the store
     * then stays out of the decision.
     */
    static Optional<String> bearerToken(Credential credential) {
        if (credential == null) {
            return Optional.empty();
        }
        try {
            Method getter = credential.getClass().getMethod("getSignedJWT");
            Object token = getter.invoke(credential);
            return token instanceof String value && !value.isBlank() ? Optional.of(value.trim()) : Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
