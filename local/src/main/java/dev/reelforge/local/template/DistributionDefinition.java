package dev.reelforge.local.template;

import java.util.List;
import java.util.Map;

/**
 * An {@code AWS::CloudFront::Distribution} with one S3 origin and its default cache behavior, resolved.
 *
 * @param distributionId     what {@code !Ref} gives ({@code E2QWRUHEXAMPLE})
 * @param domainName         what {@code !GetAtt X.DomainName} gives: {@code 127.0.0.1:port} on the embedded stack
 * @param originBucket       the name of the bucket its origin reads
 * @param originPath         the key prefix it serves from, without leading or trailing slash ({@code ""} for none)
 * @param trustedPublicKeys  the PEM public keys of its trusted key groups by key id (Key-Pair-Id); when there are
 *                           any, viewers need a signed URL
 * @param responseHeaders    the custom headers of its response headers policy
 * @param defaultRootObject  the object a request for {@code /} is answered with ({@code DefaultRootObject}),
 *                           {@code ""} for none
 */
public record DistributionDefinition(String logicalId, String distributionId, String domainName, String originBucket,
        String originPath, Map<String, String> trustedPublicKeys, List<ResponseHeader> responseHeaders,
        String defaultRootObject) {

    public DistributionDefinition {
        trustedPublicKeys = Map.copyOf(trustedPublicKeys);
        responseHeaders = List.copyOf(responseHeaders);
        defaultRootObject = defaultRootObject.replaceAll("^/+", "");
    }

    public DistributionDefinition(String logicalId, String distributionId, String domainName, String originBucket,
            String originPath, Map<String, String> trustedPublicKeys, List<ResponseHeader> responseHeaders) {
        this(logicalId, distributionId, domainName, originBucket, originPath, trustedPublicKeys, responseHeaders, "");
    }

    /** Whether viewers need a URL signed with a trusted key (the behavior's TrustedKeyGroups). */
    public boolean restrictsViewers() {
        return !trustedPublicKeys.isEmpty();
    }

    /**
     * A header a response headers policy adds ({@code CustomHeadersConfig}).
     *
     * @param override whether it replaces the origin's header of that name; otherwise it is added only when the
     *                 origin sent none
     */
    public record ResponseHeader(String name, String value, boolean override) {}
}
