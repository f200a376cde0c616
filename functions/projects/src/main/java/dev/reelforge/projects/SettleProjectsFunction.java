package dev.reelforge.projects;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.aws.sqs.SqsCallbackQueue;
import dev.reelforge.core.project.SettleProject;
import dev.reelforge.core.project.SettleProjectCommand;
import dev.reelforge.core.project.SettleProjectResult;
import dev.reelforge.runtime.BatchItemFailures;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.log.LogEvent;
import dev.reelforge.runtime.log.StructuredLog;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The streams of the renders and assets tables, filtered (template.yaml) to projects' renders that became
 * {@code done} or {@code failed} and to assets that became {@code ready} or {@code failed}: each settles the project
 * its render makes ({@link SettleProject}). A record that cannot be handled now (an outage) is reported as a batch
 * item failure, so Lambda retries it; settling is conditional, so a retried or repeated record changes nothing twice.
 */
public final class SettleProjectsFunction implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private final SettleProject settleProject;
    private final String assetsTable;

    public SettleProjectsFunction() {
        this(FunctionEnvironment.fromSystem());
    }

    /** Wires the real parts from the function's environment; the embedded stack passes each function its own. */
    public SettleProjectsFunction(FunctionEnvironment environment) {
        this(wire(DynamoDbTables.of(environment), environment), environment.required("ASSETS_TABLE"));
    }

    /** @param assetsTable the name of the assets table: its stream's records are about assets */
    public SettleProjectsFunction(SettleProject settleProject, String assetsTable) {
        this.settleProject = settleProject;
        this.assetsTable = assetsTable;
    }

    private static SettleProject wire(DynamoDbTables tables, FunctionEnvironment environment) {
        return new SettleProject(tables.renders(), tables.assets(), tables.projects(), tables.creditedRenders(),
                tables.deliveries(), SqsCallbackQueue.of(environment), environment.clock());
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return BatchItemFailures.ofStream(event, context, (record, log) -> commandOf(record).ifPresent(command ->
                logSettled(log, command, settleProject.settle(command))));
    }

    private Optional<SettleProjectCommand> commandOf(DynamodbEvent.DynamodbStreamRecord record) {
        Map<String, AttributeValue> image = record.getDynamodb() == null ? null : record.getDynamodb().getNewImage();
        if (image == null || !image.containsKey("owner")) {
            return Optional.empty();
        }
        String renderAttribute = isFromTable(record, assetsTable) ? "renderId" : "id";
        AttributeValue render = image.get(renderAttribute);
        if (render == null || render.getS() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SettleProjectCommand(image.get("owner").getS(), UUID.fromString(render.getS())));
        } catch (IllegalArgumentException notARenderId) {
            return Optional.empty();
        }
    }

    /** A stream's ARN names its table: {@code arn:aws:dynamodb:{region}:{account}:table/{name}/stream/{label}}. */
    private static boolean isFromTable(DynamodbEvent.DynamodbStreamRecord record, String table) {
        String arn = record.getEventSourceARN();
        return arn != null && arn.contains(":table/" + table + "/stream/");
    }

    /** {@code project.settled}: how the record moved the project, if it has one. */
    private static void logSettled(StructuredLog log, SettleProjectCommand command, SettleProjectResult result) {
        LogEvent line = log.event("project.settled").owner(command.owner()).render(command.renderId());
        switch (result) {
            case SettleProjectResult.Published published -> line.field("project", published.projectId())
                    .outcome("published").info();
            case SettleProjectResult.Failed failed -> line.field("project", failed.projectId())
                    .field("reason", failed.reason()).outcome("failed_refunded").info();
            case SettleProjectResult.Waiting waiting -> line.field("project", waiting.projectId())
                    .field("reason", waiting.reason()).outcome("waiting").info();
            case SettleProjectResult.AlreadySettled already -> line.field("project", already.projectId())
                    .outcome("already_settled").info();
            case SettleProjectResult.NothingToSettle nothing -> line.field("reason", nothing.reason())
                    .outcome("nothing_to_settle").info();
        }
    }
}
