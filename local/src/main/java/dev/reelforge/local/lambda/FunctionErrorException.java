package dev.reelforge.local.lambda;

/** The handler threw: on Lambda the invocation would end with a function error carrying this cause. */
public final class FunctionErrorException extends RuntimeException {

    public FunctionErrorException(String function, Throwable cause) {
        super(function + " failed: " + cause, cause);
    }
}
