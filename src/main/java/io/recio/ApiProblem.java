package io.recio;

import java.util.Objects;

/**
 * A request recio refuses, in the trader's words. Every module's controllers throw this (never build an
 * error body themselves); {@code web} answers it as the one RFC 9457 problem shape:
 * {@code {"status", "title", "detail", "code", "field"?}}. The message is shown to the user as it is, so it
 * names what was wrong and what is allowed, and never a Java class.
 */
public final class ApiProblem extends RuntimeException {

    private final int status;
    private final String code;
    private final String field;

    private ApiProblem(int status, String code, String field, String message) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
        this.field = field;
    }

    /** 400: the named request field (body property or parameter, as spelled on the wire) is wrong. */
    public static ApiProblem badInput(String field, String message) {
        return new ApiProblem(400, "invalid", Objects.requireNonNull(field, "field"), message);
    }

    /** 404: the thing asked for does not exist (or is not the caller's to see). */
    public static ApiProblem notFound(String message) {
        return new ApiProblem(404, "not_found", null, message);
    }

    /** 403: the caller is signed in but may not do this. */
    public static ApiProblem forbidden(String message) {
        return new ApiProblem(403, "forbidden", null, message);
    }

    /** 409: the request is well formed but the state of things refuses it (e.g. {@code blocked}). */
    public static ApiProblem conflict(String code, String message) {
        return new ApiProblem(409, code, null, message);
    }

    /** 503: what the request needs is not available yet (no price logged, venue unreachable). */
    public static ApiProblem unavailable(String code, String message) {
        return new ApiProblem(503, code, null, message);
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** A stable machine-readable code: {@code invalid}, {@code not_found}, {@code blocked}, ... */
    public String code() {
        return code;
    }

    /** The offending field as spelled on the wire, or null when the problem is not one field's. */
    public String field() {
        return field;
    }
}
