package dev.reelforge.edit.submit;

import dev.reelforge.aws.config.AwsSettings;
import dev.reelforge.aws.config.EnvironmentVariables;

/** What the submit function reads from its environment (see template.yaml). */
record SubmitRenderSettings(AwsSettings aws, String rendersTable, boolean allowLoopbackCallbacks) {

    static SubmitRenderSettings from(EnvironmentVariables environment) {
        return new SubmitRenderSettings(AwsSettings.from(environment), environment.required("RENDERS_TABLE"),
                Boolean.parseBoolean(environment.required("ALLOW_LOOPBACK_CALLBACKS")));
    }
}
