package com.assuregateway.archive.control;

import com.assuregateway.problems.entity.GatewayProblem;
import com.assuregateway.problems.entity.ProblemType;
import com.assuregateway.security.control.DeploymentPosture;
import com.assuregateway.security.entity.DevelopmentKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.Config;

/**
 * Archive keys from MicroProfile Config: {@code gateway.archive.key-id} names the key new archives are
 * sealed with, {@code gateway.archive.key.<id>} holds each key (base64 of 32 bytes; a secret: environment
 * or password alias). Old keys stay configured under their ids to read older archives: that is rotation.
 * The development key of the default run seals nothing unless the deployment trusts development keys
 * ({@code gateway.mode=development} with nothing real configured).
 */
@ApplicationScoped
public class ArchiveKeys {

    @Inject
    Config config;

    @Inject
    DeploymentPosture posture;

    public String activeKeyId() {
        String id = config.getOptionalValue("gateway.archive.key-id", String.class).orElseThrow(() ->
                new GatewayProblem(ProblemType.CONFIGURATION, "gateway.archive.key-id is not set"));
        if (DevelopmentKey.ARCHIVE_KEY_ID.equals(id) && !posture.developmentTrusted()) {
            throw new GatewayProblem(ProblemType.CONFIGURATION,
                    "The development archive key is not for production: set gateway.archive.key-id and its key");
        }
        return id;
    }

    public SecretKey key(String id) {
        String encoded = config.getOptionalValue("gateway.archive.key." + id, String.class).orElseThrow(() ->
                new GatewayProblem(ProblemType.CONFIGURATION, "No archive key gateway.archive.key." + id));
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(encoded.trim());
        } catch (IllegalArgumentException e) {
            throw new GatewayProblem(ProblemType.CONFIGURATION, "gateway.archive.key." + id + " is not base64");
        }
        if (raw.length != 32) {
            throw new GatewayProblem(ProblemType.CONFIGURATION,
                    "gateway.archive.key." + id + " must be 32 bytes (AES-256), not " + raw.length);
        }
        return new SecretKeySpec(raw, "AES");
    }
}
