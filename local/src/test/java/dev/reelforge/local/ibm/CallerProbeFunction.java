package dev.reelforge.local.ibm;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.core.json.Json;
import dev.reelforge.ibm.Caller;
import dev.reelforge.ibm.IbmErrorMapper;
import dev.reelforge.ibm.IbmRequest;
import dev.reelforge.ibm.IbmResponses;
import dev.reelforge.runtime.FunctionEnvironment;

/**
 * A test-only route of IBM's API (not in template.yaml): answers the caller the bearer-token authorizer established,
 * as an IBM handler reads it ({@link IbmRequest#caller()}), so tests can prove the whole request path (token,
 * gateway, authorizer and its cache, context) before IBM's own routes exist.
 */
public final class CallerProbeFunction
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    public CallerProbeFunction() {}

    public CallerProbeFunction(FunctionEnvironment environment) {}

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return IbmErrorMapper.guard(event, context, () -> {
            Caller caller = new IbmRequest(event).caller();
            return IbmResponses.ok(Json.object().put("owner", caller.owner())
                    .put("environment", caller.environment().pathName()).put("clientId", caller.clientId())
                    .put("managesExpiration", caller.managesExpiration()));
        });
    }
}
