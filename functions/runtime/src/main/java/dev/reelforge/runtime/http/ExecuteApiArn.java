package dev.reelforge.runtime.http;

/**
 * The ARN API Gateway gives a REQUEST authorizer for the method called:
 * {@code arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{METHOD}/{path...}}. A policy is written against its
 * API-and-stage prefix so that, cached per credential, it still covers every route that credential may call.
 */
public record ExecuteApiArn(String apiStagePrefix) {

    public static ExecuteApiArn parse(String methodArn) {
        String[] parts = methodArn == null ? new String[0] : methodArn.split("/", 3);
        if (parts.length < 2 || !parts[0].startsWith("arn:")) {
            throw new IllegalArgumentException("not an execute-api method ARN");
        }
        return new ExecuteApiArn(parts[0] + "/" + parts[1]);
    }

    /** Every method on every path below {@code /{face}/{version}/}. */
    public String allMethodsUnder(String face, String version) {
        return apiStagePrefix + "/*/" + face + "/" + version + "/*";
    }

    /** Every method on every path of the API's stage. */
    public String everything() {
        return apiStagePrefix + "/*";
    }
}
