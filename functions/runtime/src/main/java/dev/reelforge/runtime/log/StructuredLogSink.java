package dev.reelforge.runtime.log;

/**
 * Where a function's structured lines go. On Lambda that is standard output, one JSON object per line: with the
 * function's log format JSON, Lambda passes a line that is already a JSON object through as it is (rather than
 * quoting it as the {@code message} of its own object, as {@code LambdaLogger.log} would), filters it by its
 * {@code level} and reads its {@code timestamp}; CloudWatch extracts the metrics of its {@code _aws} member. A
 * {@link com.amazonaws.services.lambda.runtime.Context} whose logger also implements this interface (the
 * embedded stack's) takes the lines instead, unchanged.
 */
public interface StructuredLogSink {

    /** One whole JSON object, without a line break. */
    void write(String jsonLine);
}
