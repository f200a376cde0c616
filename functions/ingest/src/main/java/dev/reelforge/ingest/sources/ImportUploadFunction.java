package dev.reelforge.ingest.sources;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import dev.reelforge.aws.s3.S3SourceFiles;
import dev.reelforge.core.ingest.ImportSource;
import dev.reelforge.core.ingest.ImportSourceCommand;
import dev.reelforge.core.ingest.ImportSourceResult;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.log.StructuredLog;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * S3 ObjectCreated in the temporary bucket under {@code ingest/} (an upload's file, at
 * {@code ingest/{owner}/{sourceId}}): the source is imported from it as a fetched one is ({@link ImportSource}).
 * Asynchronous: Lambda delivers the event again when this throws; a source imported already is skipped then, and so is
 * a second PUT to the same signed URL.
 */
public final class ImportUploadFunction implements RequestHandler<S3Event, String> {

    private static final Pattern UPLOAD_KEY = Pattern.compile(Pattern.quote(S3SourceFiles.UPLOADS_PREFIX)
            + "([^/]{1,128})/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");

    private final ImportSource importSource;

    public ImportUploadFunction() {
        this(FunctionEnvironment.fromSystem());
    }

    public ImportUploadFunction(FunctionEnvironment environment) {
        this(ImportParts.importSource(environment));
    }

    public ImportUploadFunction(ImportSource importSource) {
        this.importSource = importSource;
    }

    @Override
    public String handleRequest(S3Event event, Context context) {
        StructuredLog log = StructuredLog.of(context);
        List<String> outcomes = new ArrayList<>();
        for (S3EventNotificationRecord record : event.getRecords()) {
            if (record.getEventName() == null || !record.getEventName().startsWith("ObjectCreated:")) {
                outcomes.add("ignored " + record.getEventName());
                continue;
            }
            String key = record.getS3().getObject().getUrlDecodedKey();
            Matcher matcher = UPLOAD_KEY.matcher(key);
            if (!matcher.matches()) {
                outcomes.add("ignored " + key + ": not an upload's file");
                continue;
            }
            String owner = matcher.group(1);
            UUID id = UUID.fromString(matcher.group(2));
            ImportSourceResult result = importSource.importSource(new ImportSourceCommand(owner, id, true));
            ImportSourceFunction.log(log, owner, id, result);
            outcomes.add(id + ": " + result.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT));
        }
        return String.join("; ", outcomes);
    }
}
