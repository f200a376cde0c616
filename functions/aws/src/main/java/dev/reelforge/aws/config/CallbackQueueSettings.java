package dev.reelforge.aws.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * The callbacks queue as the functions that send to it read it (see template.yaml): its URL
 * ({@code CALLBACKS_QUEUE_URL}), its dead-letter queue's ({@code CALLBACKS_DEAD_LETTER_QUEUE_URL}) and the
 * longest delay a message is given there ({@code CALLBACKS_QUEUE_LONGEST_DELAY}, ISO-8601, at most 15 minutes).
 */
public record CallbackQueueSettings(String queueUrl, String deadLetterQueueUrl, Duration longestDelay) {

    public static CallbackQueueSettings from(EnvironmentVariables environment) {
        String longest = environment.required("CALLBACKS_QUEUE_LONGEST_DELAY");
        try {
            return new CallbackQueueSettings(environment.required("CALLBACKS_QUEUE_URL"),
                    environment.required("CALLBACKS_DEAD_LETTER_QUEUE_URL"), Duration.parse(longest));
        } catch (DateTimeParseException e) {
            throw new MissingConfigurationException("CALLBACKS_QUEUE_LONGEST_DELAY is not an ISO-8601 duration: "
                    + longest);
        }
    }
}
