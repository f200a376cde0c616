package dev.reelforge.callback.retry;

import dev.reelforge.aws.config.AwsSettings;
import dev.reelforge.aws.config.CallbackQueueSettings;
import dev.reelforge.aws.config.EnvironmentVariables;

/** What the retry sweep reads from its environment (see template.yaml). */
record RetryCallbacksSettings(AwsSettings aws, String deliveriesTable, CallbackQueueSettings queue) {

    static RetryCallbacksSettings from(EnvironmentVariables environment) {
        return new RetryCallbacksSettings(AwsSettings.from(environment), environment.required("DELIVERIES_TABLE"),
                CallbackQueueSettings.from(environment));
    }
}
