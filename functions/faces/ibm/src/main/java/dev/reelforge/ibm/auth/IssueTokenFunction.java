package dev.reelforge.ibm.auth;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.oauth.IssueToken;
import dev.reelforge.core.oauth.IssueTokenCommand;
import dev.reelforge.core.oauth.IssueTokenResult;
import dev.reelforge.ibm.IbmError;
import dev.reelforge.ibm.IbmErrorMapper;
import dev.reelforge.ibm.IbmRequest;
import dev.reelforge.ibm.IbmResponses;
import dev.reelforge.ibm.Parsed;
import dev.reelforge.ibm.videos.IbmPriming;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.ProxyHandler;
import java.security.SecureRandom;

/**
 * {@code POST /oauth2/token}: IBM's token endpoint ({@code client_credentials} and {@code refresh_token} grants,
 * read by {@link TokenRequest}). Answers {@code {"access_token", "token_type": "bearer", "expires_in": 86400,
 * "refresh_token"}} with {@code Cache-Control: no-store}; errors as IBM gives them: 400 {@code invalid_request}
 * (naming the field), 400 {@code invalid_client}, 400 {@code invalid_grant}, 501 {@code unsupported_grant_type}.
 */
public final class IssueTokenFunction implements ProxyHandler {

    private final IssueToken issueToken;

    public IssueTokenFunction() {
        this(FunctionEnvironment.fromSystem());
        IbmPriming.register();
    }

    /** Wires the real parts from the function's environment; the embedded stack passes each function its own. */
    public IssueTokenFunction(FunctionEnvironment environment) {
        this(issueToken(DynamoDbTables.of(environment), environment));
    }

    public IssueTokenFunction(IssueToken issueToken) {
        this.issueToken = issueToken;
    }

    private static IssueToken issueToken(DynamoDbTables tables, FunctionEnvironment environment) {
        return new IssueToken(tables.oauthClients(), tables.oauthTokens(), environment.clock(), new SecureRandom());
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return IbmErrorMapper.guard(event, context, () -> switch (TokenRequest.issue(new IbmRequest(event))) {
            case Parsed.Ok<IssueTokenCommand> ok -> respond(issueToken.issue(ok.value()));
            case Parsed.Rejected<IssueTokenCommand> rejected -> IbmResponses.error(rejected.error());
        });
    }

    private static APIGatewayProxyResponseEvent respond(IssueTokenResult result) {
        return switch (result) {
            case IssueTokenResult.Issued issued -> IbmResponses.okNoStore(Json.object()
                    .put("access_token", issued.accessToken().value())
                    .put("token_type", "bearer")
                    .put("expires_in", issued.expiresIn().toSeconds())
                    .put("refresh_token", issued.refreshToken().value()));
            case IssueTokenResult.InvalidClient invalid ->
                    IbmResponses.error(IbmError.badRequest("invalid_client", invalid.hint()));
            case IssueTokenResult.InvalidGrant invalid ->
                    IbmResponses.error(IbmError.badRequest("invalid_grant", invalid.hint()));
        };
    }
}
