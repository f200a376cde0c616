package dev.reelforge.runtime.http;

/**
 * An invocation's event is not the JSON API Gateway sends: the invocation fails, as it would in the Lambda runtime's
 * own deserialization. No client can cause it (API Gateway writes the event), so no face maps it to a 4xx.
 */
public final class MalformedProxyEventException extends RuntimeException {

    public MalformedProxyEventException(String message, Throwable cause) {
        super("malformed API Gateway proxy event: " + message, cause);
    }
}
