package dev.reelforge.picovico;

import java.util.Objects;

/**
 * A client error in Picovico's shape: an HTTP status, repeated in the body, and a message naming the field or header
 * at fault.
 */
public record PicovicoError(int status, String message) {

    public PicovicoError {
        Objects.requireNonNull(message, "message");
    }

    public static PicovicoError badRequest(String message) {
        return new PicovicoError(400, message);
    }

    public static PicovicoError unauthorized(String message) {
        return new PicovicoError(401, message);
    }

    public static PicovicoError notFound(String message) {
        return new PicovicoError(404, message);
    }

    public static PicovicoError conflict(String message) {
        return new PicovicoError(409, message);
    }

    public static PicovicoError payloadTooLarge(int maxBytes) {
        return new PicovicoError(413, "the body must be at most " + maxBytes + " bytes");
    }
}
