package dev.reelforge.serve.getasset;

import dev.reelforge.aws.config.AwsSettings;
import dev.reelforge.aws.config.EnvironmentVariables;

/** What the get-asset function reads from its environment (see template.yaml). */
record GetAssetSettings(AwsSettings aws, String assetsTable) {

    static GetAssetSettings from(EnvironmentVariables environment) {
        return new GetAssetSettings(AwsSettings.from(environment), environment.required("ASSETS_TABLE"));
    }
}
