package dev.reelforge.ibm.auth;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.core.oauth.AuthorizeBearerToken;
import dev.reelforge.core.oauth.AuthorizeBearerTokenCommand;
import dev.reelforge.core.oauth.AuthorizeBearerTokenResult;
import dev.reelforge.ibm.IbmRequest;
import dev.reelforge.ibm.videos.IbmPriming;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.AuthorizerPolicy;
import dev.reelforge.runtime.http.ExecuteApiArn;
import dev.reelforge.runtime.http.UnauthorizedException;
import dev.reelforge.runtime.log.LogEvent;
import dev.reelforge.runtime.log.StructuredLog;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The REQUEST authorizer of IBM's API ({@code Authorization: Bearer <access token>}). A live access token is allowed
 * every route of the API (IBM's paths name no environment: the token's client decides it, and the handlers read it
 * from the context), with {@code owner}, {@code environment}, {@code clientId} and {@code managesExpiration} in the
 * request context. A missing, malformed, unknown, expired or revoked token, or a refresh token, is refused with
 * "Unauthorized": the gateway's 401 {@code invalid_token}. The gateway caches the answer per token for the
 * authorizer's TTL (60 s), so a revoked token may still open the API for up to that long.
 */
public final class BearerTokenAuthorizerFunction
        implements RequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponseV1> {

    static final String AUTHORIZATION_HEADER = "Authorization";
    private static final String BEARER = "bearer ";
    /** Longer than any token of ours could make it: not looked at further. */
    private static final int MAX_HEADER_LENGTH = 256;

    private final AuthorizeBearerToken authorizeBearerToken;

    public BearerTokenAuthorizerFunction() {
        this(FunctionEnvironment.fromSystem());
        IbmPriming.register();
    }

    /** Wires the real parts from the function's environment; the embedded stack passes each function its own. */
    public BearerTokenAuthorizerFunction(FunctionEnvironment environment) {
        this(new AuthorizeBearerToken(DynamoDbTables.of(environment).oauthTokens(), environment.clock()));
    }

    public BearerTokenAuthorizerFunction(AuthorizeBearerToken authorizeBearerToken) {
        this.authorizeBearerToken = authorizeBearerToken;
    }

    /** Logs {@code api.authorized} with the outcome and, when granted, the owner: never the token. */
    @Override
    public IamPolicyResponseV1 handleRequest(APIGatewayCustomAuthorizerEvent event, Context context) {
        LogEvent line = StructuredLog.of(context).event("api.authorized").field("apiRequestId",
                event.getRequestContext() == null ? null : event.getRequestContext().getRequestId());
        Optional<String> token = bearerTokenOf(event);
        if (token.isEmpty()) {
            line.outcome("missing").info();
            throw new UnauthorizedException();
        }
        ExecuteApiArn arn = ExecuteApiArn.parse(event.getMethodArn());
        return switch (authorizeBearerToken.authorize(new AuthorizeBearerTokenCommand(token.get()))) {
            case AuthorizeBearerTokenResult.Granted granted -> {
                line.owner(granted.owner()).outcome("granted")
                        .field("environment", granted.environment().pathName()).info();
                yield allow(granted, arn);
            }
            case AuthorizeBearerTokenResult.Denied denied -> {
                line.outcome("denied").info();
                throw new UnauthorizedException();
            }
        };
    }

    /** The text after {@code Bearer } (the scheme in any case), when the header holds one. */
    private static Optional<String> bearerTokenOf(APIGatewayCustomAuthorizerEvent event) {
        Map<String, String> headers = event.getHeaders() == null ? Map.of() : event.getHeaders();
        List<String> values = headers.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(AUTHORIZATION_HEADER) && header.getValue() != null)
                .map(Map.Entry::getValue)
                .toList();
        if (values.size() != 1 || values.getFirst().length() > MAX_HEADER_LENGTH) {
            return Optional.empty();
        }
        String value = values.getFirst();
        if (!value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String token = value.substring(BEARER.length());
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    private static IamPolicyResponseV1 allow(AuthorizeBearerTokenResult.Granted granted, ExecuteApiArn arn) {
        return AuthorizerPolicy.allow(granted.owner(), List.of(arn.everything()), Map.of(
                IbmRequest.OWNER, granted.owner(),
                IbmRequest.ENVIRONMENT, granted.environment().pathName(),
                IbmRequest.CLIENT_ID, granted.clientId(),
                IbmRequest.MANAGES_EXPIRATION, Boolean.toString(granted.managesExpiration())));
    }
}
