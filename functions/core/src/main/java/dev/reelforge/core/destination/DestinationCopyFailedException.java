package dev.reelforge.core.destination;

/** A copy to an owner's bucket failed in a way that may pass (an outage, throttling): it is retried. */
public final class DestinationCopyFailedException extends RuntimeException {

    public DestinationCopyFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
