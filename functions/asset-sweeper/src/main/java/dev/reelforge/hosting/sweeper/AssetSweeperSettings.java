package dev.reelforge.hosting.sweeper;

import dev.reelforge.aws.config.AwsSettings;
import dev.reelforge.aws.config.EnvironmentVariables;
import dev.reelforge.aws.config.MissingConfigurationException;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/** What the asset sweeper reads from its environment (see template.yaml). */
record AssetSweeperSettings(AwsSettings aws, String assetsTable, String hostingBucket,
        String hostingDistributionId, Duration patience) {

    static AssetSweeperSettings from(EnvironmentVariables environment) {
        String patience = environment.required("STUCK_ASSET_PATIENCE");
        try {
            return new AssetSweeperSettings(AwsSettings.from(environment), environment.required("ASSETS_TABLE"),
                    environment.required("HOSTING_BUCKET"),
                    environment.required("HOSTING_DISTRIBUTION_ID"), Duration.parse(patience));
        } catch (DateTimeParseException e) {
            throw new MissingConfigurationException("STUCK_ASSET_PATIENCE is not an ISO-8601 duration: " + patience);
        }
    }
}
