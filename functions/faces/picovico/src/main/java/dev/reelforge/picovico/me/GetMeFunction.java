package dev.reelforge.picovico.me;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.core.credit.GetProfile;
import dev.reelforge.core.credit.GetProfileCommand;
import dev.reelforge.core.credit.Profile;
import dev.reelforge.core.json.Json;
import dev.reelforge.picovico.PicovicoErrorMapper;
import dev.reelforge.picovico.PicovicoRequest;
import dev.reelforge.picovico.PicovicoResponses;
import dev.reelforge.picovico.projects.PicovicoPriming;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.ProxyHandler;

/**
 * {@code GET /me}: the caller's profile as the v2.1 SDKs read it, a bare object, with what Reelforge knows of the user
 * truthfully: {@code {"id": "<user id>", "credits": <balance>}} (the id {@code POST /login/app} answered; the balance
 * renders are paid from). Picovico's name, e-mail, plan and preferences have no counterpart and are not invented.
 */
public final class GetMeFunction implements ProxyHandler {

    private final GetProfile getProfile;

    public GetMeFunction() {
        this(FunctionEnvironment.fromSystem());
        PicovicoPriming.register();
    }

    /** Wires the real parts from the function's environment; the embedded stack passes each function its own. */
    public GetMeFunction(FunctionEnvironment environment) {
        this(new GetProfile(DynamoDbTables.of(environment).creditBalances()));
    }

    public GetMeFunction(GetProfile getProfile) {
        this.getProfile = getProfile;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return PicovicoErrorMapper.guard(event, context, () -> {
            Profile profile = getProfile.get(new GetProfileCommand(new PicovicoRequest(event).caller().owner()));
            return PicovicoResponses.okNoStore(Json.object().put("id", profile.owner())
                    .put("credits", profile.credits()));
        });
    }
}
