package com.assuregateway.security.control;

import com.assuregateway.security.entity.DevelopmentKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Mints RS256 bearer tokens with the development key (or another): for developers (this class's {@code main})
 * and for the in-container tests. Nothing in the running gateway mints tokens. From the repository root,
 * after a build:
 * <pre>
 *   java -cp target/classes com.assuregateway.security.control.DevTokens --role portal --tenant acme
 * </pre>
 * Options: {@code --role r1,r2} (portal, reviewer, auditor, admin), {@code --tenant t}, {@code --subject s},
 * {@code --minutes m} (lifetime, default 60), {@code --key path}, {@code --issuer iss} (with a key of your own).
 */
public final class DevTokens {

    private DevTokens() {
    }

    /** What goes into a token. A null tenant leaves the tenant claim out. */
    public record Claims(String issuer, String audience, String subject, List<String> groups, String tenantClaim,
                         String tenant, long issuedAt, long expiresAt) {

        /** A development token for these roles and tenant, valid from now for the given seconds. */
        public static Claims development(String subject, List<String> groups, String tenant, long lifetimeSeconds) {
            return issuedBy(DevelopmentKey.ISSUER, subject, groups, tenant, lifetimeSeconds);
        }

        /** The same from another issuer, e.g. a test identity provider's. */
        public static Claims issuedBy(String issuer, String subject, List<String> groups, String tenant,
                                      long lifetimeSeconds) {
            long now = Instant.now().getEpochSecond();
            return new Claims(issuer, DevelopmentKey.AUDIENCE, subject, groups, "tenant", tenant, now,
                    now + lifetimeSeconds);
        }
    }

    public static void main(String[] args) throws Exception {
        List<String> roles = List.of("portal");
        String tenant = "default";
        String subject = "dev-user";
        long minutes = 60;
        Path key = Path.of(DevelopmentKey.SIGNING_KEY_FILE);
        String issuer = DevelopmentKey.ISSUER;
        for (int i = 0; i + 1 < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--role", "--roles" -> roles = List.of(value.split(","));
                case "--tenant" -> tenant = value;
                case "--subject" -> subject = value;
                case "--minutes" -> minutes = Long.parseLong(value);
                case "--key" -> key = Path.of(value);
                case "--issuer" -> issuer = value;
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        System.out.println(mint(privateKey(Files.readString(key)),
                Claims.issuedBy(issuer, subject, roles, tenant, minutes * 60)));
    }

    /** An RS256-signed JWT with the MicroProfile JWT claims (upn, groups) and the tenant claim. */
    public static String mint(PrivateKey key, Claims claims) throws GeneralSecurityException {
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        List<String> fields = new ArrayList<>();
        fields.add(field("iss", claims.issuer()));
        fields.add(field("aud", claims.audience()));
        fields.add(field("sub", claims.subject()));
        fields.add(field("upn", claims.subject()));
        fields.add(field("jti", UUID.randomUUID().toString()));
        fields.add("\"iat\":" + claims.issuedAt());
        fields.add("\"exp\":" + claims.expiresAt());
        fields.add("\"groups\":[" + String.join(",", claims.groups().stream().map(DevTokens::quote).toList()) + "]");
        if (claims.tenant() != null) {
            fields.add(field(claims.tenantClaim(), claims.tenant()));
        }
        String payload = "{" + String.join(",", fields) + "}";
        String signingInput = base64Url(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64Url(payload.getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + base64Url(rsa.sign());
    }

    /** A PKCS#8 PEM private key. */
    public static PrivateKey privateKey(String pem) throws GeneralSecurityException {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static String field(String name, String value) {
        return quote(name) + ":" + quote(value);
    }

    /** A JSON string: quotes, backslashes and control characters escaped (RFC 8259 section 7). */
    private static String quote(String value) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
