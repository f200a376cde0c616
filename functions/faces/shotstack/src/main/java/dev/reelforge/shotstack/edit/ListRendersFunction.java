package dev.reelforge.shotstack.edit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.core.render.ListRenders;
import dev.reelforge.core.render.ListRendersCommand;
import dev.reelforge.core.render.RenderPosition;
import dev.reelforge.core.render.RenderStatus;
import dev.reelforge.core.validation.JsonPath;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.ProxyHandler;
import dev.reelforge.shotstack.ApiRequest;
import dev.reelforge.shotstack.Parsed;
import dev.reelforge.shotstack.Problem;
import dev.reelforge.shotstack.RenderCursor;
import dev.reelforge.shotstack.RenderJson;
import dev.reelforge.shotstack.ShotstackErrorMapper;
import dev.reelforge.shotstack.ShotstackResponses;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code GET /edit/{version}/renders?limit=&cursor=&status=} (an extension, README "Listing renders"): a page of the
 * caller's renders in the version's environment, newest first, and the cursor of the next page.
 */
public final class ListRendersFunction implements ProxyHandler {

    private static final String STATUSES = Arrays.stream(RenderStatus.values()).map(RenderStatus::wireName)
            .collect(Collectors.joining(", "));

    private final ListRenders listRenders;

    public ListRendersFunction() {
        this(FunctionEnvironment.fromSystem());
        ShotstackPriming.register();
    }

    /** Wires the real parts from the function's environment; the embedded stack passes each function its own. */
    public ListRendersFunction(FunctionEnvironment environment) {
        this(new ListRenders(DynamoDbTables.of(environment).renders()));
    }

    public ListRendersFunction(ListRenders listRenders) {
        this.listRenders = listRenders;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return ShotstackErrorMapper.guard(event, context, () -> switch (parse(new ApiRequest(event))) {
            case Parsed.Ok<ListRendersCommand> ok ->
                    ShotstackResponses.ok(RenderJson.list(ok.value().owner(), listRenders.list(ok.value())));
            case Parsed.Rejected<ListRendersCommand> rejected -> ShotstackResponses.problem(rejected.problem());
        });
    }

    private static Parsed<ListRendersCommand> parse(ApiRequest request) {
        return request.caller().flatMap(caller ->
                request.intQueryParameter("limit", ListRendersCommand.DEFAULT_LIMIT, 1, ListRendersCommand.MAX_LIMIT)
                        .flatMap(limit -> cursor(request).flatMap(after -> status(request).map(status ->
                                new ListRendersCommand(caller.owner(), caller.environment(), status, after, limit)))));
    }

    private static Parsed<Optional<RenderPosition>> cursor(ApiRequest request) {
        Optional<String> cursor = request.queryParameter("cursor");
        if (cursor.isEmpty()) {
            return Parsed.ok(Optional.empty());
        }
        return RenderCursor.read(cursor.get()).<Parsed<Optional<RenderPosition>>>map(position ->
                        Parsed.ok(Optional.of(position)))
                .orElseGet(() -> Parsed.rejected(Problem.badRequest(JsonPath.of("cursor"),
                        "is not a cursor this API gave: pass a list's next as it was answered")));
    }

    private static Parsed<Optional<RenderStatus>> status(ApiRequest request) {
        Optional<String> status = request.queryParameter("status");
        if (status.isEmpty()) {
            return Parsed.ok(Optional.empty());
        }
        return RenderStatus.fromWireName(status.get()).<Parsed<Optional<RenderStatus>>>map(found ->
                        Parsed.ok(Optional.of(found)))
                .orElseGet(() -> Parsed.rejected(Problem.badRequest(JsonPath.of("status"),
                        "must be one of: " + STATUSES)));
    }
}
