package dev.reelforge.ibm.videos;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.video.Protection;
import dev.reelforge.core.video.UpdateVideo;
import dev.reelforge.core.video.UpdateVideoCommand;
import dev.reelforge.core.video.UpdateVideoResult;
import dev.reelforge.ibm.Caller;
import dev.reelforge.ibm.IbmError;
import dev.reelforge.ibm.IbmErrorMapper;
import dev.reelforge.ibm.IbmRequest;
import dev.reelforge.ibm.IbmResponses;
import dev.reelforge.ibm.Parsed;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.BodyFields;
import dev.reelforge.runtime.http.ProxyHandler;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@code PUT /videos/{id}.json} (form-encoded or JSON: {@code title}, {@code description}, {@code protect}): changes
 * one of the caller's videos and answers 200 with it, {@code {"video": {...}}}. IBM's one 400 value here is
 * {@code invalid_value}: a title of 1 to {@value #MAX_TITLE} characters, a description of at most
 * {@value #MAX_DESCRIPTION} (no control characters but line breaks and tabs), {@code protect} {@code public}
 * ({@code private} is refused until Reelforge hosts privately), and no other field. Another owner's video is 403
 * {@code lack_of_ownership}; an unknown, deleted or other-environment video 404 {@code not_found}.
 */
public final class UpdateVideoFunction implements ProxyHandler {

    static final int MAX_TITLE = 250;
    static final int MAX_DESCRIPTION = 5000;
    /** The longest description, every character a 4-byte one sent %-escaped, with room for the other fields. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final Set<String> FIELDS = Set.of("title", "description", "protect");
    private static final String INVALID_VALUE = "invalid_value";

    private final UpdateVideo updateVideo;

    public UpdateVideoFunction() {
        this(FunctionEnvironment.fromSystem());
        IbmPriming.register();
    }

    /** Wires the real parts from the function's environment; the embedded stack passes each function its own. */
    public UpdateVideoFunction(FunctionEnvironment environment) {
        this(wire(DynamoDbTables.of(environment)));
    }

    public UpdateVideoFunction(UpdateVideo updateVideo) {
        this.updateVideo = updateVideo;
    }

    private static UpdateVideo wire(DynamoDbTables tables) {
        return new UpdateVideo(tables.videos(), tables.assets(), tables.renders());
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return IbmErrorMapper.guard(event, context, () -> switch (parse(new IbmRequest(event))) {
            case Parsed.Ok<UpdateVideoCommand> ok -> switch (updateVideo.update(ok.value())) {
                case UpdateVideoResult.Updated updated -> IbmResponses.ok(
                        Json.object().set("video", VideoJson.video(updated.video(), ApiLinks.base(event))));
                case UpdateVideoResult.ProtectionUnsupported unsupported -> IbmResponses.error(IbmError.badRequest(
                        INVALID_VALUE, "protect \"" + unsupported.protection().wireName()
                                + "\" is not supported: Reelforge hosts every video publicly, so protect must be public"));
                case UpdateVideoResult.NotYours notYours -> IbmResponses.error(VideoErrors.notYours());
                case UpdateVideoResult.NotFound notFound -> IbmResponses.error(VideoErrors.notFound());
            };
            case Parsed.Rejected<UpdateVideoCommand> rejected -> IbmResponses.error(rejected.error());
        });
    }

    private static Parsed<UpdateVideoCommand> parse(IbmRequest request) {
        Caller caller = request.caller();
        return request.videoId("video", ".json").flatMap(id -> request.fields(MAX_BODY_BYTES, INVALID_VALUE)
                .flatMap(fields -> command(caller, id, fields)));
    }

    private static Parsed<UpdateVideoCommand> command(Caller caller, UUID id, Map<String, String> fields) {
        Optional<String> unknown = fields.keySet().stream().filter(name -> !FIELDS.contains(name)).findFirst();
        if (unknown.isPresent()) {
            return Parsed.rejected(IbmError.badRequest(INVALID_VALUE, "the field " + BodyFields.quoted(unknown.get())
                    + " is not one this route takes: title, description, protect"));
        }
        Optional<String> title = Optional.ofNullable(fields.get("title"));
        if (title.filter(value -> value.isBlank() || value.codePointCount(0, value.length()) > MAX_TITLE
                || value.chars().anyMatch(Character::isISOControl)).isPresent()) {
            return Parsed.rejected(IbmError.badRequest(INVALID_VALUE, "title must be 1 to " + MAX_TITLE
                    + " characters, not blank, without control characters"));
        }
        Optional<String> description = Optional.ofNullable(fields.get("description"));
        if (description.filter(value -> value.codePointCount(0, value.length()) > MAX_DESCRIPTION
                || value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t'))
                .isPresent()) {
            return Parsed.rejected(IbmError.badRequest(INVALID_VALUE, "description must be at most " + MAX_DESCRIPTION
                    + " characters, without control characters other than line breaks and tabs"));
        }
        Optional<String> protect = Optional.ofNullable(fields.get("protect"));
        Optional<Protection> protection = protect.flatMap(Protection::fromWireName);
        if (protect.isPresent() && protection.isEmpty()) {
            return Parsed.rejected(IbmError.badRequest(INVALID_VALUE, "protect must be public or private"));
        }
        return Parsed.ok(new UpdateVideoCommand(caller.owner(), caller.environment(), id, title, description,
                protection));
    }
}
