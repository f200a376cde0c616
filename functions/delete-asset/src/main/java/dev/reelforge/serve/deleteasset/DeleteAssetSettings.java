package dev.reelforge.serve.deleteasset;

import dev.reelforge.aws.config.AwsSettings;
import dev.reelforge.aws.config.EnvironmentVariables;

/** What the delete-asset function reads from its environment (see template.yaml). */
record DeleteAssetSettings(AwsSettings aws, String assetsTable, String hostingBucket, String hostingDistributionId) {

    static DeleteAssetSettings from(EnvironmentVariables environment) {
        return new DeleteAssetSettings(AwsSettings.from(environment), environment.required("ASSETS_TABLE"),
                environment.required("HOSTING_BUCKET"), environment.required("HOSTING_DISTRIBUTION_ID"));
    }
}
