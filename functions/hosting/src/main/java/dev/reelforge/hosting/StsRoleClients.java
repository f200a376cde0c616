package dev.reelforge.hosting;

import dev.reelforge.aws.s3.S3DestinationCopier;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.SdkClients;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * S3 clients acting as the role an owner granted (STS AssumeRole, external id = the owner's id, so the role's trust
 * policy decides which owner may use it), in the destination bucket's region. Not reachable on the embedded stack,
 * whose grants name no roles.
 */
final class StsRoleClients implements S3DestinationCopier.RoleClients {

    private static final String SESSION_NAME = "reelforge-destination";

    private final StsClient sts;

    StsRoleClients(FunctionEnvironment environment) {
        this.sts = SdkClients.configure(StsClient.builder(), environment, "STS").build();
    }

    @Override
    public S3Client forRole(String roleArn, String externalId, String region) {
        StsAssumeRoleCredentialsProvider credentials = StsAssumeRoleCredentialsProvider.builder().stsClient(sts)
                .refreshRequest(request -> request.roleArn(roleArn).externalId(externalId)
                        .roleSessionName(SESSION_NAME))
                .build();
        return S3Client.builder().region(Region.of(region)).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create()).build();
    }
}
