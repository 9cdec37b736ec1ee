package com.assuregateway.reporting.control;

import com.assuregateway.shared.control.PlainText;
import com.assuregateway.problems.entity.GatewayProblem;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;

/**
 * Where a page ended: the (created_at, id) of its last row, bound to the filter it was read with. Opaque to
 * clients; a position, not a permission (the tenant scope is applied to every page anew), so it needs no
 * signature. Keyset pagination: the next page starts strictly after this key, whatever was inserted since.
 */
public record Cursor(Instant createdAt, String id, String filterFingerprint) {

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("+10000-01-01T00:00:00Z");

    private static final String VERSION = "v1";
    private static final int MAX_ID_LENGTH = 36;

    public String encode() {
        String plain = String.join("|", VERSION, createdAt.getEpochSecond() + "." + createdAt.getNano(), id,
                filterFingerprint);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** A cursor a client sent back, or null (and a field error) when it is not one this API handed out. */
    static Cursor parse(String token) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 4 || !VERSION.equals(parts[0]) || parts[2].isEmpty()
                    || parts[2].length() > MAX_ID_LENGTH) {
                return null;
            }
            String[] time = parts[1].split("\\.", -1);
            Instant createdAt = Instant.ofEpochSecond(Long.parseLong(time[0]), Integer.parseInt(time[1]));
            if (!storable(createdAt) || !PlainText.Validator.isPlain(parts[2], false)) {
                return null;
            }
            return new Cursor(createdAt, parts[2], parts[3]);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException | DateTimeException e) {
            return null;
        }
    }

    /**
     * Whether every database the gateway runs on can compare with this instant: PostgreSQL's timestamps end in
     * the year 294276, and an instant past that failed the whole query (500), so instants a client sends are
     * held to the years 1 to 9999.
     */
    public static boolean storable(Instant instant) {
        return !instant.isBefore(EARLIEST) && instant.isBefore(LATEST);
    }

    /** This cursor, if it was handed out for the same filter and order; a 400 on the cursor field if not. */
    public Cursor requireFilter(ProcessFilter filter) {
        if (!filterFingerprint.equals(filter.fingerprint())) {
            throw invalid("belongs to a different filter or order; start again without a cursor");
        }
        return this;
    }

    private static GatewayProblem invalid(String message) {
        return GatewayProblem.invalid("cursor", message);
    }
}
