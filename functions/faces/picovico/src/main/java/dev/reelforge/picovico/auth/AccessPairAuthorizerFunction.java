package dev.reelforge.picovico.auth;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.core.appauth.AccessPair;
import dev.reelforge.core.appauth.AuthorizeAccessPair;
import dev.reelforge.core.appauth.AuthorizeAccessPairCommand;
import dev.reelforge.core.appauth.AuthorizeAccessPairResult;
import dev.reelforge.picovico.PicovicoRequest;
import dev.reelforge.picovico.projects.PicovicoPriming;
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
 * The REQUEST authorizer of Picovico's API ({@code X-Access-Key} and {@code X-Access-Token}, as {@code POST
 * /login/app} handed them out). A live pair is allowed every route of the API (Picovico's paths name no environment:
 * the pair's app decides it, and the handlers read it from the context), with {@code owner}, {@code environment} and
 * {@code appId} in the request context. A missing, repeated, malformed, unknown, mismatched or expired pair is
 * refused with "Unauthorized": the gateway's 401 in Picovico's envelope. The gateway caches the answer per pair for
 * the authorizer's TTL (60 s), so an expired pair may still open the API for up to that long.
 */
public final class AccessPairAuthorizerFunction
        implements RequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponseV1> {

    static final String ACCESS_KEY_HEADER = "X-Access-Key";
    static final String ACCESS_TOKEN_HEADER = "X-Access-Token";
    /** Longer than any value of ours could make it: not looked at further. */
    private static final int MAX_HEADER_LENGTH = 256;

    private final AuthorizeAccessPair authorizeAccessPair;

    public AccessPairAuthorizerFunction() {
        this(FunctionEnvironment.fromSystem());
        PicovicoPriming.register();
    }

    /** Wires the real parts from the function's environment; the embedded stack passes each function its own. */
    public AccessPairAuthorizerFunction(FunctionEnvironment environment) {
        this(new AuthorizeAccessPair(DynamoDbTables.of(environment).accessPairs(), environment.clock()));
    }

    public AccessPairAuthorizerFunction(AuthorizeAccessPair authorizeAccessPair) {
        this.authorizeAccessPair = authorizeAccessPair;
    }

    /** Logs {@code api.authorized} with the outcome and, when granted, the owner: never the pair. */
    @Override
    public IamPolicyResponseV1 handleRequest(APIGatewayCustomAuthorizerEvent event, Context context) {
        LogEvent line = StructuredLog.of(context).event("api.authorized").field("apiRequestId",
                event.getRequestContext() == null ? null : event.getRequestContext().getRequestId());
        Optional<String> key = singleHeader(event, ACCESS_KEY_HEADER);
        Optional<String> token = singleHeader(event, ACCESS_TOKEN_HEADER);
        if (key.isEmpty() || token.isEmpty()) {
            line.outcome("missing").info();
            throw new UnauthorizedException();
        }
        ExecuteApiArn arn = ExecuteApiArn.parse(event.getMethodArn());
        return switch (authorizeAccessPair.authorize(new AuthorizeAccessPairCommand(
                new AccessPair(key.get(), token.get())))) {
            case AuthorizeAccessPairResult.Granted granted -> {
                line.owner(granted.owner()).outcome("granted")
                        .field("environment", granted.environment().pathName()).info();
                yield allow(granted, arn);
            }
            case AuthorizeAccessPairResult.Denied denied -> {
                line.outcome("denied").info();
                throw new UnauthorizedException();
            }
        };
    }

    /** The header's one non-empty value of a sane length; none when absent, repeated, empty or overlong. */
    private static Optional<String> singleHeader(APIGatewayCustomAuthorizerEvent event, String name) {
        Map<String, String> headers = event.getHeaders() == null ? Map.of() : event.getHeaders();
        List<String> values = headers.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name) && header.getValue() != null)
                .map(Map.Entry::getValue)
                .toList();
        if (values.size() != 1 || values.getFirst().isEmpty() || values.getFirst().length() > MAX_HEADER_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(values.getFirst());
    }

    private static IamPolicyResponseV1 allow(AuthorizeAccessPairResult.Granted granted, ExecuteApiArn arn) {
        return AuthorizerPolicy.allow(granted.owner(), List.of(arn.everything()), Map.of(
                PicovicoRequest.OWNER, granted.owner(),
                PicovicoRequest.ENVIRONMENT, granted.environment().pathName(),
                PicovicoRequest.APP_ID, granted.appId()));
    }
}
