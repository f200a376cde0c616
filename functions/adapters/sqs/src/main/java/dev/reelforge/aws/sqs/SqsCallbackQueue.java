package dev.reelforge.aws.sqs;

import dev.reelforge.core.callback.CallbackQueue;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.SdkClients;
import java.time.Duration;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The callbacks queue on SQS: a message is the delivery id, nothing more (the delivery record holds the payload,
 * so a message can be repeated or dropped without losing anything). Dead-lettered deliveries get a copy in the
 * dead-letter queue, for people to look at and redrive.
 */
public final class SqsCallbackQueue implements CallbackQueue {

    private final SqsClient sqs;
    private final String queueUrl;
    private final String deadLetterQueueUrl;
    private final Duration longestDelay;

    /** @param longestDelay at most SQS's 15 minutes ({@link CallbackQueue#MAX_DELAY}) */
    public SqsCallbackQueue(SqsClient sqs, String queueUrl, String deadLetterQueueUrl, Duration longestDelay) {
        if (longestDelay.isNegative() || longestDelay.compareTo(MAX_DELAY) > 0) {
            throw new IllegalArgumentException("a message delay is at most " + MAX_DELAY + ": " + longestDelay);
        }
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.deadLetterQueueUrl = deadLetterQueueUrl;
        this.longestDelay = longestDelay;
    }

    /** The callbacks queue as template.yaml describes it to a function (see {@link CallbackQueueSettings}). */
    public static SqsCallbackQueue of(FunctionEnvironment environment) {
        CallbackQueueSettings settings = CallbackQueueSettings.from(environment);
        return new SqsCallbackQueue(SdkClients.configure(SqsClient.builder(), environment, "SQS").build(),
                settings.queueUrl(), settings.deadLetterQueueUrl(), settings.longestDelay());
    }

    @Override
    public Duration longestDelay() {
        return longestDelay;
    }

    @Override
    public void enqueue(String deliveryId, Duration delay) {
        int seconds = (int) Math.min(Math.max(0, (delay.toMillis() + 999) / 1000), MAX_DELAY.toSeconds());
        sqs.sendMessage(send -> send.queueUrl(queueUrl).messageBody(deliveryId).delaySeconds(seconds));
    }

    @Override
    public void deadLetter(String deliveryId) {
        sqs.sendMessage(send -> send.queueUrl(deadLetterQueueUrl).messageBody(deliveryId));
    }
}
