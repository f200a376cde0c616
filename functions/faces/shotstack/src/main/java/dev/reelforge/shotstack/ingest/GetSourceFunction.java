package dev.reelforge.shotstack.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.core.ingest.GetSource;
import dev.reelforge.core.ingest.SourceLookup;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.ProxyHandler;
import dev.reelforge.shotstack.Parsed;
import dev.reelforge.shotstack.edit.ShotstackPriming;
import java.util.Optional;

/** {@code GET /ingest/{version}/sources/{id}}: the contract's {@code SourceResponse}; 404 for anything not the caller's. */
public final class GetSourceFunction implements ProxyHandler {

    private final GetSource getSource;

    public GetSourceFunction() {
        this(FunctionEnvironment.fromSystem());
        ShotstackPriming.register();
    }

    public GetSourceFunction(FunctionEnvironment environment) {
        this(new GetSource(DynamoDbTables.of(environment).sources(), environment.clock()));
    }

    public GetSourceFunction(GetSource getSource) {
        this.getSource = getSource;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return IngestResponses.guard(event, context, () -> switch (IngestRequests.lookup(event)) {
            case Parsed.Rejected<Optional<SourceLookup>> rejected -> IngestResponses.problem(rejected.problem());
            case Parsed.Ok<Optional<SourceLookup>> lookup -> lookup.value().flatMap(getSource::get)
                    .map(source -> IngestResponses.document(200, SourceJson.one(source)))
                    .orElseGet(IngestResponses::notFound);
        });
    }
}
