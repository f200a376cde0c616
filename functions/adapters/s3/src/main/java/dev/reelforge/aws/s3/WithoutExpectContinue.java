package dev.reelforge.aws.s3;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Sends S3 uploads without {@code Expect: 100-continue}. With that header, the URL-connection HTTP client turns a
 * pooled connection the server has meanwhile closed (after a Lambda thaw, or an idle timeout) into an
 * {@code UncheckedIOException} ("Unexpected end of file from server") that the SDK does not retry (fixed in SDK
 * releases after the one we pin, aws-sdk-java-v2#7347). Without it, the same failure is an {@code IOException} from
 * reading the response, which the SDK's retry policy handles. The header's benefit, not sending a body the server
 * would refuse, is small for our uploads.
 */
public final class WithoutExpectContinue implements ExecutionInterceptor {

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes executionAttributes) {
        SdkHttpRequest request = context.httpRequest();
        return request.firstMatchingHeader("Expect").isPresent()
                ? request.toBuilder().removeHeader("Expect").build()
                : request;
    }
}
