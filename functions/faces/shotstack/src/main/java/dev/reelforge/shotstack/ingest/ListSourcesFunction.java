package dev.reelforge.shotstack.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.core.ingest.ListSources;
import dev.reelforge.core.ingest.ListSourcesCommand;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.ProxyHandler;
import dev.reelforge.shotstack.ApiRequest;
import dev.reelforge.shotstack.Caller;
import dev.reelforge.shotstack.Parsed;
import dev.reelforge.shotstack.edit.ShotstackPriming;

/** {@code GET /ingest/{version}/sources}: the contract's {@code SourceListResponse}, newest first, deleted ones left out. */
public final class ListSourcesFunction implements ProxyHandler {

    private final ListSources listSources;

    public ListSourcesFunction() {
        this(FunctionEnvironment.fromSystem());
        ShotstackPriming.register();
    }

    public ListSourcesFunction(FunctionEnvironment environment) {
        this(new ListSources(DynamoDbTables.of(environment).sources(), environment.clock()));
    }

    public ListSourcesFunction(ListSources listSources) {
        this.listSources = listSources;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return IngestResponses.guard(event, context, () -> switch (new ApiRequest(event).caller()) {
            case Parsed.Rejected<Caller> rejected -> IngestResponses.problem(rejected.problem());
            case Parsed.Ok<Caller> caller -> IngestResponses.document(200, SourceJson.list(listSources.list(
                    new ListSourcesCommand(caller.value().owner(), caller.value().environment()))));
        });
    }
}
