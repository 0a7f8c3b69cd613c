package io.ringbook.app.profile;

/** A configuration file that cannot be run, with the setting at fault named first. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}
