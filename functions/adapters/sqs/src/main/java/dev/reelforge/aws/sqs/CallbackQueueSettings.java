package dev.reelforge.aws.sqs;

import dev.reelforge.runtime.FunctionEnvironment;
import java.time.Duration;

/**
 * The callbacks queue as the functions that send to it read it (see template.yaml): its URL
 * ({@code CALLBACKS_QUEUE_URL}), its dead-letter queue's ({@code CALLBACKS_DEAD_LETTER_QUEUE_URL}) and the
 * longest delay a message is given there ({@code CALLBACKS_QUEUE_LONGEST_DELAY}, ISO-8601, at most 15 minutes).
 */
public record CallbackQueueSettings(String queueUrl, String deadLetterQueueUrl, Duration longestDelay) {

    public static CallbackQueueSettings from(FunctionEnvironment environment) {
        return new CallbackQueueSettings(environment.required("CALLBACKS_QUEUE_URL"),
                environment.required("CALLBACKS_DEAD_LETTER_QUEUE_URL"),
                environment.requiredDuration("CALLBACKS_QUEUE_LONGEST_DELAY"));
    }
}
