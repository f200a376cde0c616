package dev.reelforge.core.pipeline;

/** The composer could not make the composition; the message is for the logs, not for users. */
public final class CompositionFailedException extends RuntimeException {

    public CompositionFailedException(String message) {
        super(message);
    }

    public CompositionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
