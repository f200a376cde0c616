package dev.reelforge.shotstack.edit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.core.destination.BucketGrants;
import dev.reelforge.core.edit.EditValidator;
import dev.reelforge.core.template.CreateTemplate;
import dev.reelforge.core.template.CreateTemplateCommand;
import dev.reelforge.core.template.TemplateChecks;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.ProxyHandler;
import dev.reelforge.shotstack.ApiRequest;
import dev.reelforge.shotstack.Parsed;
import dev.reelforge.shotstack.ShotstackErrorMapper;
import dev.reelforge.shotstack.ShotstackResponses;
import dev.reelforge.sources.GuardedCallbackUrlCheck;
import java.util.UUID;

/** {@code POST /edit/{version}/templates}: checks a named edit and saves it as a template (see {@link TemplateChecks}). */
public final class CreateTemplateFunction implements ProxyHandler {

    private final CreateTemplate createTemplate;

    public CreateTemplateFunction() {
        this(FunctionEnvironment.fromSystem());
        ShotstackPriming.register();
    }

    /** Wires the real parts from the function's environment; the embedded stack passes each function its own. */
    public CreateTemplateFunction(FunctionEnvironment environment) {
        this(new CreateTemplate(DynamoDbTables.of(environment).templates(), checks(environment), environment.clock(),
                UUID::randomUUID));
    }

    public CreateTemplateFunction(CreateTemplate createTemplate) {
        this.createTemplate = createTemplate;
    }

    /** A template's callback is checked as a render's: with the same loopback allowance. */
    static TemplateChecks checks(FunctionEnvironment environment) {
        return new TemplateChecks(new EditValidator(),
                new GuardedCallbackUrlCheck(environment.requiredFlag("ALLOW_LOOPBACK_CALLBACKS")),
                environment.optional("S3_DESTINATION_GRANTS").map(BucketGrants::parse).orElse(BucketGrants.NONE));
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return ShotstackErrorMapper.guard(event, context, () -> switch (parse(new ApiRequest(event))) {
            case Parsed.Ok<CreateTemplateCommand> ok -> TemplateResponses.saved(createTemplate.create(ok.value()), true);
            case Parsed.Rejected<CreateTemplateCommand> rejected -> ShotstackResponses.problem(rejected.problem());
        });
    }

    private static Parsed<CreateTemplateCommand> parse(ApiRequest request) {
        return request.caller().flatMap(caller -> request.jsonBody(TemplateResponses.MAX_BODY_BYTES)
                .map(body -> new CreateTemplateCommand(caller.owner(), caller.environment(), body)));
    }
}
