package io.ringbook.gateway.rest;

/**
 * A request the gateway refuses, with the contract's HTTP status and error code
 * (API.md, "Common rules"); rendered as {@code {"error":{"code":..,"message":..}}}.
 */
final class ApiException extends RuntimeException {

    private final int status;
    private final String code;

    ApiException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message);
    }
}
