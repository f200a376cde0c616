package dev.reelforge.local.services;

/** A local service failed to start or stop. */
public final class LocalServiceException extends RuntimeException {

    public LocalServiceException(String message, Throwable cause) {
        super(message, cause);
    }

    public LocalServiceException(String message) {
        super(message);
    }
}
