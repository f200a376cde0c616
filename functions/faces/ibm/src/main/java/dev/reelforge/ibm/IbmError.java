package dev.reelforge.ibm;

import java.util.Objects;
import java.util.Optional;

/**
 * A client error in IBM's shape: an HTTP status, IBM's {@code error} value, and a {@code hint} sentence naming the
 * field or header at fault where one helps.
 */
public record IbmError(int status, String error, Optional<String> hint) {

    public IbmError {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(hint, "hint");
    }

    public static IbmError badRequest(String error, String hint) {
        return new IbmError(400, error, Optional.of(hint));
    }

    /** 401 {@code invalid_token}: missing, malformed, expired or revoked ({@code WWW-Authenticate: Bearer}). */
    public static IbmError invalidToken(String hint) {
        return new IbmError(401, "invalid_token", Optional.of(hint));
    }

    public static IbmError forbidden(String error, String hint) {
        return new IbmError(403, error, Optional.of(hint));
    }

    /** 404 {@code not_found}: unknown, another owner's, another environment's, or deleted. */
    public static IbmError notFound(String hint) {
        return new IbmError(404, "not_found", Optional.of(hint));
    }

    public static IbmError payloadTooLarge(int maxBytes) {
        return new IbmError(413, "request_too_large", Optional.of("the body must be at most " + maxBytes + " bytes"));
    }
}
