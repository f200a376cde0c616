package dev.reelforge.callback.send;

import dev.reelforge.aws.config.AwsSettings;
import dev.reelforge.aws.config.CallbackQueueSettings;
import dev.reelforge.aws.config.EnvironmentVariables;

/** What the sender reads from its environment (see template.yaml). */
record SendCallbacksSettings(AwsSettings aws, String deliveriesTable, String accountsTable,
        CallbackQueueSettings queue, boolean allowLoopbackCallbacks) {

    static SendCallbacksSettings from(EnvironmentVariables environment) {
        return new SendCallbacksSettings(AwsSettings.from(environment), environment.required("DELIVERIES_TABLE"),
                environment.required("ACCOUNTS_TABLE"), CallbackQueueSettings.from(environment),
                Boolean.parseBoolean(environment.required("ALLOW_LOOPBACK_CALLBACKS")));
    }
}
