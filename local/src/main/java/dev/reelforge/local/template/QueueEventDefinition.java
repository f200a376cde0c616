package dev.reelforge.local.template;

import java.time.Duration;

/**
 * A function's {@code SQS} event ({@code name}: {@code Function.Event}): the queue of {@code queueLogicalId} ({@code Queue: !GetAtt X.Arn}), read in batches
 * of up to {@code batchSize} messages gathered for at most {@code batchingWindow}; with
 * {@code reportBatchItemFailures} the function may answer which messages of a batch failed
 * ({@code FunctionResponseTypes: [ReportBatchItemFailures]}); a disabled event ({@code Enabled: false}) is not polled.
 */
public record QueueEventDefinition(String name, String queueLogicalId, int batchSize, Duration batchingWindow,
        boolean reportBatchItemFailures, boolean enabled) {

    /** SAM's default batch size for an SQS event, and the most one ReceiveMessage returns. */
    public static final int DEFAULT_BATCH_SIZE = 10;

    public QueueEventDefinition {
        if (batchSize < 1 || batchSize > 10_000) {
            throw new TemplateException(name + ": BatchSize must be between 1 and 10000, found " + batchSize);
        }
        if (batchSize > DEFAULT_BATCH_SIZE && batchingWindow.isZero()) {
            throw new TemplateException(name + ": a BatchSize over 10 needs MaximumBatchingWindowInSeconds of at least 1");
        }
        if (batchingWindow.isNegative() || batchingWindow.compareTo(Duration.ofSeconds(300)) > 0) {
            throw new TemplateException(name + ": MaximumBatchingWindowInSeconds must be between 0 and 300, found "
                    + batchingWindow.toSeconds());
        }
    }
}
