package dev.reelforge.aws.s3;

import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.SdkClients;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * A function's S3 buckets, on one client built at init: uploads go without {@code Expect: 100-continue} (see
 * {@link WithoutExpectContinue}), and a stand-in endpoint (the embedded stack's) is addressed path-style. Each
 * bucket's name comes from the variable template.yaml sets ({@code TEMP_BUCKET}, {@code HOSTING_BUCKET}).
 */
public final class S3Buckets {

    private final S3Client client;
    private final FunctionEnvironment environment;

    public S3Buckets(S3Client client, FunctionEnvironment environment) {
        this.client = client;
        this.environment = environment;
    }

    public static S3Buckets of(FunctionEnvironment environment) {
        return new S3Buckets(client(environment), environment);
    }

    /** An S3 client as the functions build theirs. */
    public static S3Client client(FunctionEnvironment environment) {
        return SdkClients.configure(S3Client.builder(), environment, "S3")
                .forcePathStyle(SdkClients.endpointOverridden(environment, "S3"))
                .overrideConfiguration(override -> override.addExecutionInterceptor(new WithoutExpectContinue()))
                .build();
    }

    public S3Client client() {
        return client;
    }

    /**
     * A presigner of the function's region, credentials and endpoint, addressing a stand-in endpoint path-style as
     * the client does, for the presigned PUTs of uploads.
     */
    public S3Presigner presigner() {
        S3Presigner.Builder presigner = S3Presigner.builder()
                .region(Region.of(environment.required("AWS_REGION")))
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(SdkClients.endpointOverridden(environment, "S3")).build());
        environment.optionalUri("AWS_ENDPOINT_URL_S3").ifPresent(presigner::endpointOverride);
        return presigner.build();
    }

    /** The temporary bucket: render outputs and intermediates, deleted by its lifecycle rules. */
    public S3Storage temporary() {
        return new S3Storage(client, environment.required("TEMP_BUCKET"));
    }

    public S3HostingCopier hostingCopier() {
        return new S3HostingCopier(client, environment.required("HOSTING_BUCKET"));
    }

    /** The downloadables' files: made from the hosting bucket's, kept in the temporary bucket. */
    public S3Downloads downloads() {
        return new S3Downloads(client, environment.required("HOSTING_BUCKET"), environment.required("TEMP_BUCKET"));
    }

    /** The hosting bucket's files. */
    public S3HostedFiles hostedFiles() {
        return new S3HostedFiles(client, environment.required("HOSTING_BUCKET"));
    }
}
