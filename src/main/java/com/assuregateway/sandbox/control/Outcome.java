package com.assuregateway.sandbox.control;

import com.assuregateway.sandbox.entity.ProcessStatus;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the sandbox does with a start-verification call. Chosen by the text {@code sandbox:<marker>}
 * anywhere in {@code facetecEnrollment.userAgent}, because the user agent is the one free-text field
 * that travels unchanged from the app through the gateway to Assure.
 */
public enum Outcome {
    /** Every check passes, one facePortrait attempt at level 8. The default. */
    ACCEPTED("accepted", ProcessStatus.ACCEPTED),
    /** The accepted data in the guide's flattened, string-valued form. */
    ACCEPTED_FLAT("accepted-flat", ProcessStatus.ACCEPTED),
    /** Liveness passes, best match level 5 (facePortrait 4, idPhoto 5, idPhotoLowQuality 5). */
    INCONCLUSIVE("inconclusive", ProcessStatus.INCONCLUSIVE),
    /** Liveness passes, all three attempts at level 0. */
    REJECTED_MATCH("rejected-match", ProcessStatus.REJECTED),
    /** The liveness check fails while the match is good: Assure rejects on any failed check. */
    REJECTED_LIVENESS("rejected-liveness", ProcessStatus.REJECTED),
    /** The provider failed: status failed with a failReason and no matching. */
    FAILED("failed", ProcessStatus.FAILED),
    /** The start call itself answers 503 and the process stays pending. */
    ERROR_5XX("error-5xx", null),
    /** The start call answers late, then the process behaves as accepted. */
    SLOW("slow", ProcessStatus.ACCEPTED);

    // stops at characters outside the marker alphabet, so "sandbox:slow|sdk|..." works in FaceTec's piped user agents
    private static final Pattern MARKER = Pattern.compile("sandbox:([A-Za-z0-9_-]*)", Pattern.CASE_INSENSITIVE);
    private static final int MAX_ECHOED_MARKER = 40;

    private final String marker;
    private final ProcessStatus finalStatus;

    Outcome(String marker, ProcessStatus finalStatus) {
        this.marker = marker;
        this.finalStatus = finalStatus;
    }

    public String marker() {
        return marker;
    }

    /** The status the process ends in; empty for {@link #ERROR_5XX}, which never gets that far. */
    public Optional<ProcessStatus> finalStatus() {
        return Optional.ofNullable(finalStatus);
    }

    /**
     * Reads the first {@code sandbox:<marker>} in a user agent (case-insensitive).
     *
     * @return {@link #ACCEPTED} when there is no marker
     * @throws IllegalArgumentException for an empty or unknown marker, with a message fit for a 400 problem
     */
    public static Outcome fromUserAgent(String userAgent) {
        if (userAgent == null) {
            return ACCEPTED;
        }
        Matcher matcher = MARKER.matcher(userAgent);
        return matcher.find() ? fromMarker(matcher.group(1)) : ACCEPTED;
    }

    /** @throws IllegalArgumentException for an empty or unknown marker */
    public static Outcome fromMarker(String marker) {
        String wanted = marker == null ? "" : marker.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(o -> o.marker.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown sandbox outcome marker 'sandbox:" + abbreviate(wanted)
                                + "' in facetecEnrollment.userAgent; known markers: " + knownMarkers()));
    }

    public static String knownMarkers() {
        return Arrays.stream(values()).map(o -> "sandbox:" + o.marker).collect(Collectors.joining(", "));
    }

    private static String abbreviate(String value) {
        return value.length() <= MAX_ECHOED_MARKER ? value : value.substring(0, MAX_ECHOED_MARKER) + "...";
    }
}
