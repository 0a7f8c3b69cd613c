package io.ringbook.web;

/** A limits document that cannot be stored: the contract's error code, the field, and why. */
public final class InvalidLimitsException extends IllegalArgumentException {

    private final String code;

    public InvalidLimitsException(String code, String field, String problem) {
        super(field + " " + problem);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
