package dev.reelforge.picovico.projects;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.core.project.CreateProject;
import dev.reelforge.core.project.CreateProjectCommand;
import dev.reelforge.core.project.ProjectUpdateReader;
import dev.reelforge.core.project.StyleBook;
import dev.reelforge.picovico.Caller;
import dev.reelforge.picovico.Parsed;
import dev.reelforge.picovico.PicovicoError;
import dev.reelforge.picovico.PicovicoErrorMapper;
import dev.reelforge.picovico.PicovicoRequest;
import dev.reelforge.picovico.PicovicoResponses;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.BodyFields;
import dev.reelforge.runtime.http.ProxyHandler;
import java.security.SecureRandom;
import java.util.Iterator;
import java.util.Optional;

/** {@code POST /me/videos} ({@code name}): the caller's draft, made when there is none; answers the Video. */
public final class CreateProjectFunction implements ProxyHandler {

    static final int MAX_BODY_BYTES = 8 * 1024;

    private final CreateProject createProject;
    private final StyleBook styles;

    public CreateProjectFunction() {
        this(FunctionEnvironment.fromSystem());
        PicovicoPriming.register();
    }

    public CreateProjectFunction(FunctionEnvironment environment) {
        this(new CreateProject(DynamoDbTables.of(environment).projects(), environment.clock(), new SecureRandom()));
    }

    public CreateProjectFunction(CreateProject createProject) {
        this.createProject = createProject;
        this.styles = StyleBook.shipped();
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return PicovicoErrorMapper.guard(event, context, () -> {
            PicovicoRequest request = new PicovicoRequest(event);
            Caller caller = request.caller();
            return switch (request.document(MAX_BODY_BYTES).flatMap(CreateProjectFunction::name)) {
                case Parsed.Rejected<Optional<String>> rejected -> PicovicoResponses.error(rejected.error());
                case Parsed.Ok<Optional<String>> name -> PicovicoResponses.ok(VideoJson.of(createProject.create(
                        new CreateProjectCommand(caller.owner(), caller.environment(), name.value())), styles));
            };
        });
    }

    private static Parsed<Optional<String>> name(JsonNode body) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!field.equals("name")) {
                return Parsed.rejected(PicovicoError.badRequest("the field " + BodyFields.quoted(field)
                        + " is not a field of a new video (known: name)"));
            }
        }
        JsonNode name = body.get("name");
        if (name == null || name.isNull()) {
            return Parsed.ok(Optional.empty());
        }
        if (!name.isTextual() || name.asText().length() > ProjectUpdateReader.MAX_TEXT_LENGTH) {
            return Parsed.rejected(PicovicoError.badRequest("name must be a string of at most "
                    + ProjectUpdateReader.MAX_TEXT_LENGTH + " characters"));
        }
        return Parsed.ok(Optional.of(name.asText()).filter(text -> !text.isBlank()));
    }
}
