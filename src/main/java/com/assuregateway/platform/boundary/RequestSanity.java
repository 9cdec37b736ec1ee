package com.assuregateway.platform.boundary;

import com.assuregateway.shared.control.LogSafe;
import com.assuregateway.shared.control.PlainText;
import com.assuregateway.problems.boundary.ProblemResponses;
import com.assuregateway.problems.entity.FieldError;
import com.assuregateway.problems.entity.ProblemType;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What no path of this API can serve is refused before matching, as a problem the client can act on: a path
 * longer than any resource's (414), a path or query parameter with control characters (400: PostgreSQL
 * refuses NUL, and a line break would reach whatever prints the value), a query that cannot be decoded (400),
 * and a body in a charset this JVM does not know (415, where it otherwise fell back to a guess). Runs right
 * after {@link RequestLog}, so even a refused request is logged and carries its correlation id.
 */
@Provider
@PreMatching
@Priority(2)
public class RequestSanity implements ContainerRequestFilter {

    /** The longest path of the API is under 200 characters; idempotency records keep the path in 500. */
    static final int MAX_PATH_LENGTH = 400;

    @Override
    public void filter(ContainerRequestContext request) {
        String rawPath = request.getUriInfo().getRequestUri().getRawPath();
        String instance = rawPath;
        if (rawPath != null && rawPath.length() > MAX_PATH_LENGTH) {
            request.abortWith(ProblemResponses.of(ProblemType.URI_TOO_LONG, "The path is longer than "
                    + MAX_PATH_LENGTH + " characters; no resource of this API has such a path", null));
            return;
        }
        String path = request.getUriInfo().getPath();
        if (!PlainText.Validator.isPlain(path, false)) {
            request.abortWith(ProblemResponses.of(ProblemType.BAD_REQUEST,
                    "The path contains control characters; ids are plain text", instance));
            return;
        }
        MultivaluedMap<String, String> query;
        try {
            query = request.getUriInfo().getQueryParameters();
        } catch (IllegalArgumentException undecodable) {
            request.abortWith(ProblemResponses.of(ProblemType.BAD_REQUEST,
                    "The query string is not valid percent-encoded UTF-8", instance));
            return;
        }
        List<FieldError> errors = controlCharacters(query);
        if (!errors.isEmpty()) {
            request.abortWith(ProblemResponses.of(ProblemType.VALIDATION, errors.stream()
                    .map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; ")), instance, errors,
                    null, null));
            return;
        }
        String charset = charset(request);
        if (!known(charset)) {
            request.abortWith(ProblemResponses.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "The charset '"
                    + LogSafe.of(charset) + "' of the Content-Type is not supported; send UTF-8", instance));
        }
    }

    static List<FieldError> controlCharacters(Map<String, List<String>> query) {
        List<FieldError> errors = new ArrayList<>();
        new TreeMap<>(query).forEach((name, values) -> {
            boolean plain = PlainText.Validator.isPlain(name, false)
                    && values.stream().allMatch(value -> PlainText.Validator.isPlain(value, false));
            if (!plain) {
                errors.add(new FieldError(LogSafe.of(name), "must not contain control characters"));
            }
        });
        return errors;
    }

    private static String charset(ContainerRequestContext request) {
        try {
            MediaType type = request.getMediaType();
            return type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        } catch (IllegalArgumentException unreadable) {
            return null; // an unreadable Content-Type is answered by the container itself: 400 problem (error page)
        }
    }

    /** Whether this JVM can decode a body in that charset; no charset at all is fine (JSON is UTF-8). */
    static boolean known(String charset) {
        if (charset == null) {
            return true;
        }
        try {
            return Charset.isSupported(charset);
        } catch (IllegalCharsetNameException illegal) {
            return false;
        }
    }
}
