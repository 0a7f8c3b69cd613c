package io.ringbook.web;

/**
 * A request an HTTP API refuses, with the contract's HTTP status and error code
 * (API.md, "Common rules"); rendered as {@code {"error":{"code":..,"message":..}}}.
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String code;

    public ApiException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message);
    }
}
