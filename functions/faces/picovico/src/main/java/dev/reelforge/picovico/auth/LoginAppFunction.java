package dev.reelforge.picovico.auth;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.core.appauth.LogInApp;
import dev.reelforge.core.appauth.LogInAppCommand;
import dev.reelforge.core.appauth.LogInAppResult;
import dev.reelforge.core.json.Json;
import dev.reelforge.picovico.Parsed;
import dev.reelforge.picovico.PicovicoError;
import dev.reelforge.picovico.PicovicoErrorMapper;
import dev.reelforge.picovico.PicovicoRequest;
import dev.reelforge.picovico.PicovicoResponses;
import dev.reelforge.picovico.projects.PicovicoPriming;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.ProxyHandler;
import java.security.SecureRandom;

/**
 * {@code POST /login/app}: an app's id and secret buy an access pair, answered as Picovico's SDKs read it,
 * {@code {"access_key", "access_token", "id": "<user id>"}} with {@code Cache-Control: no-store}. Errors: 400 naming a
 * missing field or what is wrong with the body, 401 for an unknown {@code app_id} or a wrong {@code app_secret}.
 */
public final class LoginAppFunction implements ProxyHandler {

    private final LogInApp logInApp;

    public LoginAppFunction() {
        this(FunctionEnvironment.fromSystem());
        PicovicoPriming.register();
    }

    /** Wires the real parts from the function's environment; the embedded stack passes each function its own. */
    public LoginAppFunction(FunctionEnvironment environment) {
        this(logInApp(DynamoDbTables.of(environment), environment));
    }

    public LoginAppFunction(LogInApp logInApp) {
        this.logInApp = logInApp;
    }

    private static LogInApp logInApp(DynamoDbTables tables, FunctionEnvironment environment) {
        return new LogInApp(tables.picovicoApps(), tables.accessPairs(), environment.clock(), new SecureRandom());
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return PicovicoErrorMapper.guard(event, context, () -> switch (LoginRequest.read(new PicovicoRequest(event))) {
            case Parsed.Ok<LogInAppCommand> ok -> respond(logInApp.logIn(ok.value()));
            case Parsed.Rejected<LogInAppCommand> rejected -> PicovicoResponses.error(rejected.error());
        });
    }

    private static APIGatewayProxyResponseEvent respond(LogInAppResult result) {
        return switch (result) {
            case LogInAppResult.LoggedIn loggedIn -> PicovicoResponses.okNoStore(Json.object()
                    .put("access_key", loggedIn.pair().accessKey())
                    .put("access_token", loggedIn.pair().accessToken())
                    .put("id", loggedIn.owner()));
            case LogInAppResult.UnknownApp unknown ->
                    PicovicoResponses.error(PicovicoError.unauthorized("the app_id names no app"));
            case LogInAppResult.WrongSecret wrong ->
                    PicovicoResponses.error(PicovicoError.unauthorized("the app_secret is not the app_id's secret"));
        };
    }
}
