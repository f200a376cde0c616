package dev.reelforge.shotstack.serve;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.core.destination.BucketGrants;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.transfer.RequestTransfer;
import dev.reelforge.core.transfer.RequestTransferCommand;
import dev.reelforge.core.transfer.RequestTransferResult;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.ProxyHandler;
import dev.reelforge.runtime.log.LogEvent;
import dev.reelforge.runtime.log.StructuredLog;
import dev.reelforge.shotstack.ApiRequest;
import dev.reelforge.shotstack.Parsed;
import dev.reelforge.shotstack.Problem;
import dev.reelforge.shotstack.RenderJson;
import dev.reelforge.shotstack.ShotstackErrorMapper;
import dev.reelforge.shotstack.ShotstackResponses;
import dev.reelforge.shotstack.edit.ShotstackPriming;
import java.util.UUID;

/**
 * {@code POST /serve/{version}/assets}: Shotstack's transfer. Checks the body (the contract's Transfer; only the
 * {@code shotstack} destination) and records the transfer as a new asset, {@code importing}; the fetch happens in
 * the transfer flow (ingest.jar's HostTransfersFunction, from the assets table's stream), never here: this jar
 * stays DynamoDB-only. Answers the contract's TransferResponse, {@code status: queued}, with the client's {@code id};
 * the asset shows up under {@code GET /serve/{version}/assets/render/{id}} with that id.
 */
public final class TransferAssetFunction implements ProxyHandler {

    static final int MAX_BODY_BYTES = 16 * 1024;

    private final RequestTransfer requestTransfer;

    public TransferAssetFunction() {
        this(FunctionEnvironment.fromSystem());
        ShotstackPriming.register();
    }

    /** Wires the real parts from the function's environment; the embedded stack passes each function its own. */
    public TransferAssetFunction(FunctionEnvironment environment) {
        this(new RequestTransfer(DynamoDbTables.of(environment).transfers(), environment.required("AWS_REGION"),
                environment.clock(), UUID::randomUUID,
                environment.optional("S3_DESTINATION_GRANTS").map(BucketGrants::parse).orElse(BucketGrants.NONE)));
    }

    public TransferAssetFunction(RequestTransfer requestTransfer) {
        this.requestTransfer = requestTransfer;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return ShotstackErrorMapper.guard(event, context, () -> switch (parse(new ApiRequest(event))) {
            case Parsed.Ok<RequestTransferCommand> ok -> respond(requestTransfer.request(ok.value()),
                    StructuredLog.of(context).event("asset.transfer_requested").owner(ok.value().owner()));
            case Parsed.Rejected<RequestTransferCommand> rejected -> ShotstackResponses.problem(rejected.problem());
        });
    }

    private static Parsed<RequestTransferCommand> parse(ApiRequest request) {
        return request.caller().flatMap(caller -> request.jsonBody(MAX_BODY_BYTES)
                .map(body -> new RequestTransferCommand(caller.owner(), caller.environment(), body)));
    }

    private static APIGatewayProxyResponseEvent respond(RequestTransferResult result, LogEvent line) {
        return switch (result) {
            case RequestTransferResult.Queued queued -> {
                line.asset(queued.asset().id()).outcome("queued").info();
                ObjectNode attributes = Json.object()
                        .put("id", queued.clientId())
                        .put("owner", queued.asset().owner())
                        .put("status", "queued")
                        .put("created", RenderJson.timestamp(queued.asset().created()));
                ObjectNode document = Json.object();
                document.putObject("data").put("type", "asset").set("attributes", attributes);
                yield ShotstackResponses.document(document);
            }
            case RequestTransferResult.Invalid invalid -> {
                line.outcome("invalid").field("violations", invalid.violations().size()).info();
                yield ShotstackResponses.problem(Problem.badRequest(invalid.violations()));
            }
        };
    }
}
