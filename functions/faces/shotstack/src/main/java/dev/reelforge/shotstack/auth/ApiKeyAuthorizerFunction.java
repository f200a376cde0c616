package dev.reelforge.shotstack.auth;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.core.account.ApiKey;
import dev.reelforge.core.account.AuthorizeApiKey;
import dev.reelforge.core.account.AuthorizeApiKeyCommand;
import dev.reelforge.core.account.AuthorizeApiKeyResult;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.AuthorizerPolicy;
import dev.reelforge.runtime.http.ExecuteApiArn;
import dev.reelforge.runtime.http.UnauthorizedException;
import dev.reelforge.runtime.log.LogEvent;
import dev.reelforge.runtime.log.StructuredLog;
import dev.reelforge.shotstack.edit.ShotstackPriming;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The REQUEST authorizer of the Shotstack API. A known key is allowed every route of its own API version
 * (a stage key opens {@code /edit/stage/...}, never {@code /edit/v1/...}) and the owner is passed to the
 * handlers in the request context; an unknown key is denied (403). The gateway caches the answer per
 * key, which is why the policy never depends on the route being called.
 */
public final class ApiKeyAuthorizerFunction implements RequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponseV1> {

    static final String API_KEY_HEADER = "x-api-key";
    private static final List<String> FACES_UNDER_VERSION = List.of("edit", "serve", "ingest");

    private final AuthorizeApiKey authorizeApiKey;

    public ApiKeyAuthorizerFunction() {
        this(FunctionEnvironment.fromSystem());
        ShotstackPriming.register();
    }

    /** Wires the real parts from the function's environment; the embedded stack passes each function its own. */
    public ApiKeyAuthorizerFunction(FunctionEnvironment environment) {
        this(new AuthorizeApiKey(DynamoDbTables.of(environment).accounts()));
    }

    public ApiKeyAuthorizerFunction(AuthorizeApiKey authorizeApiKey) {
        this.authorizeApiKey = authorizeApiKey;
    }

    /** Logs {@code api.authorized} with the outcome and, when granted, the owner: never the key. */
    @Override
    public IamPolicyResponseV1 handleRequest(APIGatewayCustomAuthorizerEvent event, Context context) {
        LogEvent line = StructuredLog.of(context).event("api.authorized").field("apiRequestId",
                event.getRequestContext() == null ? null : event.getRequestContext().getRequestId());
        Optional<ApiKey> apiKey = apiKeyOf(event);
        if (apiKey.isEmpty()) {
            line.outcome("missing").info();
            throw new UnauthorizedException();
        }
        ExecuteApiArn arn = ExecuteApiArn.parse(event.getMethodArn());
        return switch (authorizeApiKey.authorize(new AuthorizeApiKeyCommand(apiKey.get()))) {
            case AuthorizeApiKeyResult.Granted granted -> {
                line.owner(granted.owner()).outcome("granted").field("environment", granted.environment().pathName())
                        .info();
                yield allow(granted, arn);
            }
            case AuthorizeApiKeyResult.Denied denied -> {
                line.outcome("denied").info();
                yield deny(arn);
            }
        };
    }

    private static Optional<ApiKey> apiKeyOf(APIGatewayCustomAuthorizerEvent event) {
        Map<String, String> headers = event.getHeaders() == null ? Map.of() : event.getHeaders();
        return headers.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(API_KEY_HEADER))
                .map(Map.Entry::getValue)
                .filter(value -> value != null && !value.isBlank())
                .findFirst()
                .map(ApiKey::new);
    }

    private static IamPolicyResponseV1 allow(AuthorizeApiKeyResult.Granted granted, ExecuteApiArn arn) {
        String version = granted.environment().pathName();
        List<String> resources = FACES_UNDER_VERSION.stream()
                .map(face -> arn.allMethodsUnder(face, version))
                .toList();
        return AuthorizerPolicy.allow(granted.owner(), resources,
                Map.of("owner", granted.owner(), "environment", version));
    }

    private static IamPolicyResponseV1 deny(ExecuteApiArn arn) {
        return AuthorizerPolicy.deny("anonymous", List.of(arn.everything()));
    }
}
