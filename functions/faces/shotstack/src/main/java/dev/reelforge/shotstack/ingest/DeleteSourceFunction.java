package dev.reelforge.shotstack.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.core.ingest.DeleteSource;
import dev.reelforge.core.ingest.DeleteSourceResult;
import dev.reelforge.core.ingest.SourceLookup;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.ProxyHandler;
import dev.reelforge.shotstack.Parsed;
import dev.reelforge.shotstack.edit.ShotstackPriming;
import java.util.Optional;

/**
 * {@code DELETE /ingest/{version}/sources/{id}}: 204; the source is {@code deleted} and its files and renditions are
 * removed by the hosting flow (they are Serve assets). Deleting again answers 204 too; anything not the caller's 404.
 */
public final class DeleteSourceFunction implements ProxyHandler {

    private final DeleteSource deleteSource;

    public DeleteSourceFunction() {
        this(FunctionEnvironment.fromSystem());
        ShotstackPriming.register();
    }

    public DeleteSourceFunction(FunctionEnvironment environment) {
        this(deleteSource(DynamoDbTables.of(environment), environment));
    }

    private static DeleteSource deleteSource(DynamoDbTables tables, FunctionEnvironment environment) {
        return new DeleteSource(tables.sources(), tables.assets(), environment.clock());
    }

    public DeleteSourceFunction(DeleteSource deleteSource) {
        this.deleteSource = deleteSource;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return IngestResponses.guard(event, context, () -> switch (IngestRequests.lookup(event)) {
            case Parsed.Rejected<Optional<SourceLookup>> rejected -> IngestResponses.problem(rejected.problem());
            case Parsed.Ok<Optional<SourceLookup>> lookup -> lookup.value()
                    .map(deleteSource::delete)
                    .filter(DeleteSourceResult.Deleted.class::isInstance)
                    .map(deleted -> IngestResponses.noContent())
                    .orElseGet(IngestResponses::notFound);
        });
    }
}
