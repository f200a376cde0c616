package dev.reelforge.runtime.http;

import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import java.util.List;
import java.util.Map;

/** The answer of a REQUEST authorizer: one statement over some execute-api resources, and the handlers' context. */
public final class AuthorizerPolicy {

    private AuthorizerPolicy() {}

    /** Allows {@code resources} to {@code principal}; the gateway passes {@code context} to the handlers. */
    public static IamPolicyResponseV1 allow(String principal, List<String> resources, Map<String, Object> context) {
        return policy(principal, IamPolicyResponseV1.ALLOW, resources, context);
    }

    public static IamPolicyResponseV1 deny(String principal, List<String> resources) {
        return policy(principal, IamPolicyResponseV1.DENY, resources, Map.of());
    }

    private static IamPolicyResponseV1 policy(String principal, String effect, List<String> resources,
            Map<String, Object> context) {
        var statement = new IamPolicyResponseV1.Statement(IamPolicyResponseV1.EXECUTE_API_INVOKE, effect, resources,
                null);
        return IamPolicyResponseV1.builder()
                .withPrincipalId(principal)
                .withPolicyDocument(IamPolicyResponseV1.PolicyDocument.builder()
                        .withVersion(IamPolicyResponseV1.VERSION_2012_10_17)
                        .withStatement(List.of(statement))
                        .build())
                .withContext(context)
                .build();
    }
}
