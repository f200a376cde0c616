package dev.reelforge.callback.dispatch;

import dev.reelforge.aws.config.AwsSettings;
import dev.reelforge.aws.config.CallbackQueueSettings;
import dev.reelforge.aws.config.EnvironmentVariables;

/** What the dispatcher reads from its environment (see template.yaml). */
record DispatchCallbacksSettings(AwsSettings aws, String rendersTable, String assetsTable, String deliveriesTable,
        CallbackQueueSettings queue) {

    static DispatchCallbacksSettings from(EnvironmentVariables environment) {
        return new DispatchCallbacksSettings(AwsSettings.from(environment), environment.required("RENDERS_TABLE"),
                environment.required("ASSETS_TABLE"), environment.required("DELIVERIES_TABLE"),
                CallbackQueueSettings.from(environment));
    }
}
