package dev.reelforge.serve.deleterenderassets;

import dev.reelforge.aws.config.AwsSettings;
import dev.reelforge.aws.config.EnvironmentVariables;

/** What the delete-render-assets function reads from its environment (see template.yaml). */
record DeleteRenderAssetsSettings(AwsSettings aws, String assetsTable, String rendersTable, String hostingBucket,
        String hostingDistributionId) {

    static DeleteRenderAssetsSettings from(EnvironmentVariables environment) {
        return new DeleteRenderAssetsSettings(AwsSettings.from(environment), environment.required("ASSETS_TABLE"),
                environment.required("RENDERS_TABLE"), environment.required("HOSTING_BUCKET"),
                environment.required("HOSTING_DISTRIBUTION_ID"));
    }
}
