package dev.reelforge.aws.cloudfront;

import dev.reelforge.core.pipeline.TemporaryUrls;
import dev.reelforge.core.video.download.DownloadUrls;
import dev.reelforge.runtime.FunctionEnvironment;
import java.net.URI;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.services.cloudfront.CloudFrontUtilities;

/**
 * Temporary URLs as CloudFront signed URLs of the temporary distribution: a canned policy (the URL, valid until
 * a time) signed with the private key of a public key in the distribution's trusted key group. Unlike an S3
 * presigned URL, which dies with the signing role's session, a signed URL holds for its whole validity.
 *
 * <p>The distribution serves the bucket from {@code originPath}: the object at {@code renders/{owner}/{file}}
 * of the temporary bucket is {@code https://{distribution}/{owner}/{file}} for origin path {@code renders/},
 * the same path as its hosted copy on the CDN. The Videos API's downloadable files are served alike, signed until
 * their own expiry ({@link DownloadUrls}).
 */
public final class CloudFrontSignedUrls implements TemporaryUrls, DownloadUrls {

    /** As long as a render's outputs are kept (the temporary bucket's lifecycle rule). */
    public static final Duration VALIDITY = Duration.ofHours(24);

    /** The temporary distribution's OriginPath in template.yaml: it serves render outputs only. */
    public static final String ORIGIN_PATH = "renders/";

    private final CloudFrontUtilities utilities = CloudFrontUtilities.create();
    private final String distributionUrl;
    private final String originPath;
    private final String keyPairId;
    private final PrivateKey privateKey;
    private final Clock clock;

    /**
     * @param distributionUrl where the temporary distribution serves ({@code https://d111111abcdef8.cloudfront.net})
     * @param originPath      the key prefix the distribution serves from (its OriginPath), with a trailing slash
     * @param keyPairId       the id of the CloudFront public key that verifies {@code privateKey}'s signatures
     */
    public CloudFrontSignedUrls(URI distributionUrl, String originPath, String keyPairId, PrivateKey privateKey,
            Clock clock) {
        this.distributionUrl = distributionUrl.toString().replaceAll("/+$", "");
        this.originPath = originPath;
        this.keyPairId = keyPairId;
        this.privateKey = privateKey;
        this.clock = clock;
    }

    /**
     * The temporary distribution's signer as template.yaml describes it to a function: the distribution's URL
     * ({@code TEMPORARY_CDN_URL}) and the id of the CloudFront public key its key group trusts
     * ({@code TEMPORARY_URL_KEY_PAIR_ID}), which verifies {@code privateKey}'s signatures.
     */
    public static CloudFrontSignedUrls of(FunctionEnvironment environment, PrivateKey privateKey) {
        return new CloudFrontSignedUrls(environment.requiredUri("TEMPORARY_CDN_URL"), ORIGIN_PATH,
                environment.required("TEMPORARY_URL_KEY_PAIR_ID"), privateKey, environment.clock());
    }

    @Override
    public String urlOf(String key) {
        return urlOf(key, clock.instant().plus(VALIDITY));
    }

    /** A canned policy ends at whole seconds: the URL stops working at {@code expires}, rounded down to one. */
    @Override
    public String urlOf(String key, Instant expires) {
        if (!key.startsWith(originPath)) {
            throw new IllegalArgumentException(key + " is not under " + originPath + ", which the distribution serves");
        }
        String resource = distributionUrl + "/" + key.substring(originPath.length());
        return utilities.getSignedUrlWithCannedPolicy(request -> request.resourceUrl(resource)
                        .keyPairId(keyPairId)
                        .privateKey(privateKey)
                        .expirationDate(expires))
                .url();
    }
}
