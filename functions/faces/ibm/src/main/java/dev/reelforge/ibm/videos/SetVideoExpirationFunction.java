package dev.reelforge.ibm.videos;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.core.video.ExpirationRule;
import dev.reelforge.core.video.SetExpiration;
import dev.reelforge.core.video.SetExpirationCommand;
import dev.reelforge.core.video.SetExpirationResult;
import dev.reelforge.ibm.Caller;
import dev.reelforge.ibm.IbmError;
import dev.reelforge.ibm.IbmErrorMapper;
import dev.reelforge.ibm.IbmRequest;
import dev.reelforge.ibm.IbmResponses;
import dev.reelforge.ibm.Parsed;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.BodyFields;
import dev.reelforge.runtime.http.ProxyHandler;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code PUT /videos/{id}/expiration.json} (form-encoded or JSON): {@code rule=never}, or (a documented extension)
 * {@code rule=at_given_time} with {@code expires_at}, Unix seconds after now. Answers 200 with the rule as set, in
 * the GET's shape. Anything else is 400 {@code bad_request} naming the field (IBM's page labels that row 404, a
 * misprint settled in the seed README). 403 {@code forbidden} when the client may not manage expiration, 403
 * {@code lack_of_ownership} for another owner's video, 404 {@code not_found} for an unknown, deleted or
 * other-environment video, and for one whose time has come (it is being deleted).
 */
public final class SetVideoExpirationFunction implements ProxyHandler {

    static final int MAX_BODY_BYTES = 1024;
    private static final Set<String> FIELDS = Set.of("rule", "expires_at");
    /** Whole Unix seconds, up to 11 digits (beyond the year 5000). */
    private static final Pattern UNIX_SECONDS = Pattern.compile("^[0-9]{1,11}$");
    private static final String BAD_REQUEST = "bad_request";

    private final SetExpiration setExpiration;

    public SetVideoExpirationFunction() {
        this(FunctionEnvironment.fromSystem());
        IbmPriming.register();
    }

    /** Wires the real parts from the function's environment; the embedded stack passes each function its own. */
    public SetVideoExpirationFunction(FunctionEnvironment environment) {
        this(wire(DynamoDbTables.of(environment), environment));
    }

    public SetVideoExpirationFunction(SetExpiration setExpiration) {
        this.setExpiration = setExpiration;
    }

    private static SetExpiration wire(DynamoDbTables tables, FunctionEnvironment environment) {
        return new SetExpiration(tables.videos(), tables.assets(), environment.clock());
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return IbmErrorMapper.guard(event, context, () -> switch (parse(new IbmRequest(event))) {
            case Parsed.Ok<SetExpirationCommand> ok -> switch (setExpiration.set(ok.value())) {
                case SetExpirationResult.Set set -> IbmResponses.ok(VideoJson.expiration(set.rule()));
                case SetExpirationResult.NotInTheFuture past -> IbmResponses.error(IbmError.badRequest(BAD_REQUEST,
                        "expires_at must be after now (" + past.now().getEpochSecond() + " in Unix seconds)"));
                case SetExpirationResult.Forbidden forbidden -> IbmResponses.error(VideoErrors.expirationForbidden());
                case SetExpirationResult.NotYours notYours -> IbmResponses.error(VideoErrors.notYours());
                case SetExpirationResult.NotFound notFound -> IbmResponses.error(VideoErrors.notFound());
            };
            case Parsed.Rejected<SetExpirationCommand> rejected -> IbmResponses.error(rejected.error());
        });
    }

    private static Parsed<SetExpirationCommand> parse(IbmRequest request) {
        Caller caller = request.caller();
        if (!caller.managesExpiration()) {
            return Parsed.rejected(VideoErrors.expirationForbidden());
        }
        return request.videoId("video", "").flatMap(id -> request.fields(MAX_BODY_BYTES, BAD_REQUEST)
                .flatMap(fields -> command(caller, id, fields)));
    }

    private static Parsed<SetExpirationCommand> command(Caller caller, UUID id, Map<String, String> fields) {
        Optional<String> unknown = fields.keySet().stream().filter(name -> !FIELDS.contains(name)).findFirst();
        if (unknown.isPresent()) {
            return Parsed.rejected(IbmError.badRequest(BAD_REQUEST, "the field " + BodyFields.quoted(unknown.get())
                    + " is not one this route takes: rule, expires_at"));
        }
        Optional<String> expiresAt = Optional.ofNullable(fields.get("expires_at"));
        Parsed<ExpirationRule> rule = switch (fields.get("rule")) {
            case null -> Parsed.rejected(IbmError.badRequest(BAD_REQUEST,
                    "rule is required: never, or at_given_time with expires_at"));
            case ExpirationRule.Never.WIRE_NAME -> expiresAt.isPresent()
                    ? Parsed.rejected(IbmError.badRequest(BAD_REQUEST,
                            "expires_at goes only with rule at_given_time"))
                    : Parsed.ok(new ExpirationRule.Never());
            case ExpirationRule.AtGivenTime.WIRE_NAME -> expiresAt
                    .filter(value -> UNIX_SECONDS.matcher(value).matches())
                    .<Parsed<ExpirationRule>>map(value -> Parsed.ok(
                            new ExpirationRule.AtGivenTime(Instant.ofEpochSecond(Long.parseLong(value)))))
                    .orElseGet(() -> Parsed.rejected(IbmError.badRequest(BAD_REQUEST,
                            "expires_at is required with rule at_given_time: a Unix time in whole seconds")));
            default -> Parsed.rejected(IbmError.badRequest(BAD_REQUEST, "rule must be never or at_given_time"));
        };
        return rule.map(value -> new SetExpirationCommand(caller.owner(), caller.environment(),
                caller.managesExpiration(), id, value));
    }
}
