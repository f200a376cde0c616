package dev.reelforge.ibm.auth;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.oauth.RevokeToken;
import dev.reelforge.core.oauth.RevokeTokenCommand;
import dev.reelforge.ibm.IbmErrorMapper;
import dev.reelforge.ibm.IbmRequest;
import dev.reelforge.ibm.IbmResponses;
import dev.reelforge.ibm.Parsed;
import dev.reelforge.ibm.videos.IbmPriming;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.ProxyHandler;

/**
 * {@code POST /oauth2/token/revoke} ({@code token}, optional {@code client_id}): revokes an access or refresh token
 * (a refresh token with the access token issued with it) and answers 200 {@code {}} whatever the token was, as IBM
 * does (RFC 7009), so nobody learns which tokens exist. A request without a {@code token} field, or with a body that
 * cannot be read, is 400 {@code invalid_request}. A revoked access token stops opening the API within the
 * authorizer's cache TTL (60 s).
 */
public final class RevokeTokenFunction implements ProxyHandler {

    private final RevokeToken revokeToken;

    public RevokeTokenFunction() {
        this(FunctionEnvironment.fromSystem());
        IbmPriming.register();
    }

    /** Wires the real parts from the function's environment; the embedded stack passes each function its own. */
    public RevokeTokenFunction(FunctionEnvironment environment) {
        this(new RevokeToken(DynamoDbTables.of(environment).oauthTokens()));
    }

    public RevokeTokenFunction(RevokeToken revokeToken) {
        this.revokeToken = revokeToken;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return IbmErrorMapper.guard(event, context, () -> switch (TokenRequest.revoke(new IbmRequest(event))) {
            case Parsed.Ok<RevokeTokenCommand> ok -> {
                revokeToken.revoke(ok.value());
                yield IbmResponses.okNoStore(Json.object());
            }
            case Parsed.Rejected<RevokeTokenCommand> rejected -> IbmResponses.error(rejected.error());
        });
    }
}
