package dev.reelforge.runtime;

/** A function was deployed without a setting it needs; raised at init, never per request. */
public final class MissingConfigurationException extends RuntimeException {

    public MissingConfigurationException(String message) {
        super(message);
    }
}
