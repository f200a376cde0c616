package dev.reelforge.serve.getrenderassets;

import dev.reelforge.aws.config.AwsSettings;
import dev.reelforge.aws.config.EnvironmentVariables;

/** What the get-render-assets function reads from its environment (see template.yaml). */
record GetRenderAssetsSettings(AwsSettings aws, String assetsTable, String rendersTable) {

    static GetRenderAssetsSettings from(EnvironmentVariables environment) {
        return new GetRenderAssetsSettings(AwsSettings.from(environment), environment.required("ASSETS_TABLE"),
                environment.required("RENDERS_TABLE"));
    }
}
