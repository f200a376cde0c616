package dev.reelforge.auth;

import dev.reelforge.aws.config.AwsSettings;
import dev.reelforge.aws.config.EnvironmentVariables;

/** What the authorizer reads from its environment (see template.yaml). */
record ApiKeyAuthorizerSettings(AwsSettings aws, String accountsTable) {

    static ApiKeyAuthorizerSettings from(EnvironmentVariables environment) {
        return new ApiKeyAuthorizerSettings(AwsSettings.from(environment), environment.required("ACCOUNTS_TABLE"));
    }
}
