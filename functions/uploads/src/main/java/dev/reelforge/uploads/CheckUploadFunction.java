package dev.reelforge.uploads;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import dev.reelforge.core.project.ProjectId;
import dev.reelforge.core.upload.CheckUpload;
import dev.reelforge.core.upload.CheckUploadCommand;
import dev.reelforge.core.upload.CheckUploadResult;
import dev.reelforge.core.upload.UploadFormat;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.log.LogEvent;
import dev.reelforge.runtime.log.StructuredLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * S3 ObjectCreated in the hosting bucket for the uploads' extensions: checks each file written under
 * {@code {owner}/uploads/{id}.{ext}} by a presigned upload and makes its item ready or failed ({@link CheckUpload}).
 * Other keys with those extensions (a render's hosted thumbnail) are ignored. Lambda invokes it asynchronously and
 * delivers the whole event again when it throws; a record already settled is skipped then.
 */
public final class CheckUploadFunction implements RequestHandler<S3Event, String> {

    private static final Pattern UPLOAD_KEY = Pattern.compile("([^/]{1,128})/uploads/([0-9a-f]{24})\\.([a-z0-9]{3})");

    private final CheckUpload checkUpload;
    private final Path workDirectory;

    public CheckUploadFunction() {
        this(FunctionEnvironment.fromSystem());
    }

    public CheckUploadFunction(FunctionEnvironment environment) {
        this(UploadParts.of(environment));
    }

    private CheckUploadFunction(UploadParts parts) {
        this(new CheckUpload(parts.uploads(), parts.files(), parts.check(), parts.environment().clock()), parts.workDirectory());
    }

    public CheckUploadFunction(CheckUpload checkUpload, Path workDirectory) {
        this.checkUpload = checkUpload;
        this.workDirectory = workDirectory;
    }

    @Override
    public String handleRequest(S3Event event, Context context) {
        StructuredLog log = StructuredLog.of(context);
        List<String> outcomes = new ArrayList<>();
        RuntimeException failure = null;
        for (S3EventNotificationRecord record : event.getRecords()) {
            if (record.getEventName() == null || !record.getEventName().startsWith("ObjectCreated:")) {
                outcomes.add("ignored " + record.getEventName());
                continue;
            }
            // Keys arrive URL-encoded (a space as +); the object's own key is the decoded one.
            String key = record.getS3().getObject().getUrlDecodedKey();
            Optional<CheckUploadCommand.Builder> upload = parse(key);
            if (upload.isEmpty()) {
                outcomes.add("ignored " + key + ": not an upload's file");
                continue;
            }
            try {
                outcomes.add(check(log, key, upload.get()));
            } catch (RuntimeException e) {
                log.event("upload.checked").outcome("retried").field("key", key).failure(e).error();
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return String.join("; ", outcomes);
    }

    private String check(StructuredLog log, String key, CheckUploadCommand.Builder upload) {
        Path workFile;
        try {
            Files.createDirectories(workDirectory);
            workFile = Files.createTempFile(workDirectory, "check-", ".bin");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            CheckUploadResult result = checkUpload.check(upload.workFile(workFile));
            LogEvent line = log.event("upload.checked").owner(upload.owner()).field("key", key);
            return switch (result) {
                case CheckUploadResult.Ready ready -> {
                    line.outcome("ready").info();
                    yield "ready: " + key;
                }
                case CheckUploadResult.Failed failed -> {
                    line.outcome("failed").field("error", failed.reason()).warn();
                    yield "failed: " + key + ": " + failed.reason();
                }
                case CheckUploadResult.Removed removed -> {
                    line.outcome("removed").field("reason", removed.reason()).warn();
                    yield "removed: " + key + ": " + removed.reason();
                }
                case CheckUploadResult.Skipped skipped -> {
                    line.outcome("skipped").field("reason", skipped.reason()).info();
                    yield "skipped: " + key + ": " + skipped.reason();
                }
            };
        } finally {
            try {
                Files.deleteIfExists(workFile);
            } catch (IOException ignored) {
                // scratch space of this function only
            }
        }
    }

    /** {@code {owner}/uploads/{id}.{ext}}, with a well-formed id and a known extension; anything else is not one. */
    static Optional<CheckUploadCommand.Builder> parse(String key) {
        Matcher matcher = UPLOAD_KEY.matcher(key);
        if (!matcher.matches() || !ProjectId.isWellFormed(matcher.group(2))) {
            return Optional.empty();
        }
        return UploadFormat.ofExtension(matcher.group(3))
                .map(format -> new CheckUploadCommand.Builder(matcher.group(1), matcher.group(2), format));
    }
}
