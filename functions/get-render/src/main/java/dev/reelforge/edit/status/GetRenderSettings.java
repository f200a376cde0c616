package dev.reelforge.edit.status;

import dev.reelforge.aws.config.AwsSettings;
import dev.reelforge.aws.config.EnvironmentVariables;

/** What the status function reads from its environment (see template.yaml). */
record GetRenderSettings(AwsSettings aws, String rendersTable) {

    static GetRenderSettings from(EnvironmentVariables environment) {
        return new GetRenderSettings(AwsSettings.from(environment), environment.required("RENDERS_TABLE"));
    }
}
