package io.recio.simulator.exchange.internal;

/** A request the simulated exchange refuses, with Kalshi's HTTP status and error code. */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final String details;

    public ApiException(int status, String code, String message) {
        this(status, code, message, null);
    }

    public ApiException(int status, String code, String message, String details) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = details;
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String details() {
        return details;
    }
}
