package dev.reelforge.aws.config;

import java.net.URI;

/**
 * How the functions that finish renders sign their temporary URLs (see template.yaml): the temporary
 * distribution's URL ({@code TEMPORARY_CDN_URL}), the id of the CloudFront public key its key group trusts
 * ({@code TEMPORARY_URL_KEY_PAIR_ID}) and the Secrets Manager secret holding the matching private key
 * ({@code TEMPORARY_URL_SIGNING_KEY_SECRET}).
 */
public record TemporaryUrlSettings(URI cdnUrl, String keyPairId, String signingKeySecret) {

    /** The temporary distribution's OriginPath in template.yaml: it serves render outputs only. */
    public static final String ORIGIN_PATH = "renders/";

    public static TemporaryUrlSettings from(EnvironmentVariables environment) {
        return new TemporaryUrlSettings(
                environment.requiredUri("TEMPORARY_CDN_URL"),
                environment.required("TEMPORARY_URL_KEY_PAIR_ID"),
                environment.required("TEMPORARY_URL_SIGNING_KEY_SECRET"));
    }
}
