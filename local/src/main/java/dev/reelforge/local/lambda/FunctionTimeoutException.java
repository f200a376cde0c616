package dev.reelforge.local.lambda;

import java.time.Duration;

/** An invocation ran past its function's Timeout; on Lambda the execution environment would be stopped. */
public final class FunctionTimeoutException extends RuntimeException {

    public FunctionTimeoutException(String function, Duration timeout) {
        super(function + " timed out after " + timeout.toMillis() + " ms");
    }
}
