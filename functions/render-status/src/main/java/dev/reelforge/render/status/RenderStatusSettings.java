package dev.reelforge.render.status;

import dev.reelforge.aws.config.AwsSettings;
import dev.reelforge.aws.config.EnvironmentVariables;
import dev.reelforge.aws.config.TemporaryUrlSettings;

/** What the status function reads from its environment (see template.yaml). */
record RenderStatusSettings(AwsSettings aws, String rendersTable, String tempBucket, TemporaryUrlSettings temporaryUrls) {

    static RenderStatusSettings from(EnvironmentVariables environment) {
        return new RenderStatusSettings(AwsSettings.from(environment), environment.required("RENDERS_TABLE"),
                environment.required("TEMP_BUCKET"), TemporaryUrlSettings.from(environment));
    }
}
