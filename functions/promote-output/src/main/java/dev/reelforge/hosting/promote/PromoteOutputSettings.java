package dev.reelforge.hosting.promote;

import dev.reelforge.aws.config.AwsSettings;
import dev.reelforge.aws.config.EnvironmentVariables;
import dev.reelforge.aws.config.MissingConfigurationException;
import java.net.URI;

/** What the promote function reads from its environment (see template.yaml). */
record PromoteOutputSettings(AwsSettings aws, String assetsTable, String rendersTable, String hostingBucket,
        String hostingDistributionId, String cdnUrl) {

    static PromoteOutputSettings from(EnvironmentVariables environment) {
        String cdnUrl = environment.required("CDN_URL");
        URI uri = environment.optionalUri("CDN_URL").orElseThrow();
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new MissingConfigurationException("CDN_URL is not an http(s) URL: " + cdnUrl);
        }
        return new PromoteOutputSettings(AwsSettings.from(environment), environment.required("ASSETS_TABLE"),
                environment.required("RENDERS_TABLE"), environment.required("HOSTING_BUCKET"),
                environment.required("HOSTING_DISTRIBUTION_ID"), cdnUrl);
    }
}
