package com.assuregateway.problems.entity;

/**
 * Every kind of error a client can get. The {@link #uri()} is the stable RFC 9457 {@code type}: clients
 * branch on it, so a slug is never renamed once released.
 */
public enum ProblemType {
    VALIDATION("validation", 400, "The request is not valid"),
    MALFORMED_BODY("malformed-body", 400, "The request body cannot be read"),
    BAD_REQUEST("bad-request", 400, "The request cannot be read"),
    UNAUTHORIZED("unauthorized", 401, "Authentication required"),
    FORBIDDEN("forbidden", 403, "Not allowed"),
    NOT_FOUND("not-found", 404, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", 406, "Not acceptable"),
    WRONG_STATE("wrong-state", 409, "The resource is not in a state that allows this"),
    PHOTO_MISSING("photo-missing", 409, "The process has no reference photo"),
    REPLAYED_FACE_SCAN("replayed-face-scan", 409, "This faceScan was submitted before"),
    ERASED("erased", 410, "The dossier was erased"),
    DOSSIER_CREATION_IN_PROGRESS("dossier-creation-in-progress", 409, "The dossier is being created at Assure"),
    IDEMPOTENCY_KEY_IN_USE("idempotency-key-in-use", 409, "A request with this Idempotency-Key is in progress"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422, "The Idempotency-Key belongs to another request"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
    UNSUPPORTED_IMAGE("unsupported-image", 415, "The image is not a JPEG or PNG"),
    URI_TOO_LONG("uri-too-long", 414, "The request URI is too long"),
    HEADERS_TOO_LARGE("headers-too-large", 431, "The request headers are too large"),
    TOO_MANY_REQUESTS("too-many-requests", 429, "Too many requests of this kind are running"),
    UPSTREAM_REJECTED("upstream-rejected", 502, "Assure rejected the request"),
    UPSTREAM_UNAVAILABLE("upstream-unavailable", 503, "Assure is unavailable"),
    UPSTREAM_TIMEOUT("upstream-timeout", 504, "Assure did not answer in time"),
    FULL_RESULT_NOT_READY("full-result-not-ready", 503, "The full result is not ready yet"),
    QUERY_TIMEOUT("query-timeout", 503, "The query took too long"),
    CONFIGURATION("configuration", 503, "The gateway is not configured for this"),
    UNAVAILABLE("unavailable", 503, "The gateway cannot answer now"),
    INTERNAL("internal", 500, "Internal error");

    private static final String PREFIX = "urn:assure-gateway:problem:";

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public String uri() {
        return PREFIX + slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
