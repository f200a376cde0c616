package dev.reelforge.ingest.sources;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import dev.reelforge.core.ingest.ImportSource;
import dev.reelforge.core.ingest.ImportSourceCommand;
import dev.reelforge.core.ingest.ImportSourceResult;
import dev.reelforge.runtime.BatchItemFailures;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.log.LogEvent;
import dev.reelforge.runtime.log.StructuredLog;
import java.util.Map;
import java.util.UUID;

/**
 * The sources table's stream, new sources to fetch from a URL (template.yaml filters INSERTs of {@code queued}
 * sources with an {@code input}): each is fetched through the guard, probed, stored and its renditions' job started
 * ({@link ImportSource}). A record that fails unexpectedly is retried (its batch item failure); one imported already is
 * skipped.
 */
public final class ImportSourceFunction implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private final ImportSource importSource;

    public ImportSourceFunction() {
        this(FunctionEnvironment.fromSystem());
    }

    public ImportSourceFunction(FunctionEnvironment environment) {
        this(ImportParts.importSource(environment));
    }

    public ImportSourceFunction(ImportSource importSource) {
        this.importSource = importSource;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return BatchItemFailures.ofStream(event, context, (record, log) -> {
            Map<String, AttributeValue> image = record.getDynamodb().getNewImage();
            if (!"INSERT".equals(record.getEventName()) || image == null || !image.containsKey("input")) {
                return;
            }
            String owner = image.get("owner").getS();
            UUID id = UUID.fromString(image.get("id").getS());
            log(log, owner, id, importSource.importSource(new ImportSourceCommand(owner, id, false)));
        });
    }

    /** {@code source.imported}, with the reason a source failed or was skipped. */
    static void log(StructuredLog log, String owner, UUID id, ImportSourceResult result) {
        LogEvent line = log.event("source.imported").owner(owner).field("sourceId", id.toString());
        switch (result) {
            case ImportSourceResult.Imported imported when imported.jobRefused().isPresent() ->
                    line.outcome("ready").field("jobRefused", imported.jobRefused().get()).warn();
            case ImportSourceResult.Imported imported -> line.outcome("ready").info();
            case ImportSourceResult.Failed failed -> line.outcome("failed").field("error", failed.reason()).warn();
            case ImportSourceResult.Skipped skipped -> line.outcome("skipped").field("reason", skipped.reason()).info();
        }
    }
}
