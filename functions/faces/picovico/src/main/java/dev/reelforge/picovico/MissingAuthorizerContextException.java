package dev.reelforge.picovico;

/**
 * A request reached a Picovico handler without what the access-pair authorizer puts in its context: the API is
 * misconfigured (a route without the authorizer), never the client's doing.
 */
public final class MissingAuthorizerContextException extends RuntimeException {

    public MissingAuthorizerContextException(String what) {
        super("the request context lacks the authorizer's " + what);
    }
}
