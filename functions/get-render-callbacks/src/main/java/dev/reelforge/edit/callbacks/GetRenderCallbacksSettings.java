package dev.reelforge.edit.callbacks;

import dev.reelforge.aws.config.AwsSettings;
import dev.reelforge.aws.config.EnvironmentVariables;

/** What the function reads from its environment (see template.yaml). */
record GetRenderCallbacksSettings(AwsSettings aws, String rendersTable, String deliveriesTable) {

    static GetRenderCallbacksSettings from(EnvironmentVariables environment) {
        return new GetRenderCallbacksSettings(AwsSettings.from(environment), environment.required("RENDERS_TABLE"),
                environment.required("DELIVERIES_TABLE"));
    }
}
