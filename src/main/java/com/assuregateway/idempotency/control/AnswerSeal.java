package com.assuregateway.idempotency.control;

import com.assuregateway.archive.control.SealedValues;
import com.assuregateway.shared.control.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;

/**
 * Keeps the secret members of a stored answer out of the database's clear text. Assure hands out a FaceTec
 * session only in its answer to the creation of a process (no later call returns it again, and a new one
 * would be a new process), so a replay can only be correct if the session is kept; it is kept sealed with
 * the archive key (AES-256-GCM, the key outside the database), with the tenant and the Idempotency-Key as
 * associated data so a sealed part moved to another record does not open. The body keeps a null in place
 * of each secret member, so the replay has the first answer's shape and order.
 */
@ApplicationScoped
public class AnswerSeal {

    @Inject
    SealedValues values;

    /** The body with the secret members nulled, and the members sealed ({@code keyId:iv:ciphertext}). */
    public Split split(String body, List<String> secretMembers, String tenant, String idempotencyKey) {
        JsonObject answer = Jsonp.PROVIDER.createReader(new StringReader(body)).readObject();
        JsonObjectBuilder clear = Jsonp.PROVIDER.createObjectBuilder();
        JsonObjectBuilder secret = Jsonp.PROVIDER.createObjectBuilder();
        answer.forEach((name, value) -> {
            if (secretMembers.contains(name)) {
                clear.add(name, JsonValue.NULL);
                secret.add(name, value);
            } else {
                clear.add(name, value);
            }
        });
        return new Split(clear.build().toString(), values.seal(context(tenant, idempotencyKey),
                secret.build().toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** The first answer as it was sent: the sealed members back in their places. */
    public String join(String body, String sealedParts, String tenant, String idempotencyKey)
            throws GeneralSecurityException {
        byte[] opened = values.open(context(tenant, idempotencyKey), sealedParts);
        JsonObject secret = Jsonp.PROVIDER.createReader(new StringReader(new String(opened, StandardCharsets.UTF_8)))
                .readObject();
        JsonObjectBuilder answer = Jsonp.PROVIDER.createObjectBuilder();
        Jsonp.PROVIDER.createReader(new StringReader(body)).readObject()
                .forEach((name, value) -> answer.add(name, secret.getOrDefault(name, value)));
        return answer.build().toString();
    }

    private static String context(String tenant, String idempotencyKey) {
        return "idempotency\0" + tenant + "\0" + idempotencyKey;
    }

    public record Split(String clearBody, String sealedParts) {
    }
}
