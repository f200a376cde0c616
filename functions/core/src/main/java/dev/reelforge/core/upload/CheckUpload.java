package dev.reelforge.core.upload;

import java.time.Clock;
import java.util.OptionalDouble;

/**
 * Checks a file written to a presigned upload's place ({@link UploadCheck}, against the format that was signed) and
 * settles its item: ready, or failed with the file removed. Events come at least once and in any order: a ready
 * upload is left as it is, and a settle lost to a concurrent one changes nothing. A file no pending or ready upload
 * owns is removed, and so is one that arrives after its upload's deadline ({@link Upload#PENDING_AT_MOST}).
 */
public final class CheckUpload {

    private final Uploads uploads;
    private final UploadFiles files;
    private final UploadCheck check;
    private final Clock clock;

    public CheckUpload(Uploads uploads, UploadFiles files, UploadCheck check, Clock clock) {
        this.uploads = uploads;
        this.files = files;
        this.check = check;
        this.clock = clock;
    }

    public CheckUploadResult check(CheckUploadCommand command) {
        String key = Upload.keyOf(command.owner(), command.id(), command.format());
        Upload upload = uploads.findAnywhere(command.owner(), command.format().kind(), command.id())
                .filter(found -> found.format() == command.format())
                .orElse(null);
        // Every upload's item is written before its file can be, so a file without a pending or ready item was
        // written through a presigned URL after its upload was deleted or failed: unchecked, it is not kept.
        if (upload == null || upload.status() == UploadStatus.FAILED) {
            files.remove(key);
            return new CheckUploadResult.Removed(upload == null ? "no upload has this file" : "the upload failed");
        }
        if (upload.status() != UploadStatus.PENDING) {
            return new CheckUploadResult.Skipped("the upload is " + upload.status().wireName() + " already");
        }
        Upload asShown = upload.asOf(clock.instant());
        if (asShown.status() == UploadStatus.FAILED) {
            // past its deadline it has been shown failed: it stays so, and its file is not kept
            if (uploads.settle(asShown)) {
                files.remove(key);
                return new CheckUploadResult.Failed(asShown, asShown.error().orElseThrow());
            }
            return new CheckUploadResult.Skipped("the upload was settled meanwhile");
        }
        if (!files.fetch(upload, command.workFile())) {
            return new CheckUploadResult.Skipped("the file is gone");
        }
        UploadCheck.Outcome outcome = check.check(command.workFile(), upload.kind(), upload.format());
        if (outcome instanceof UploadCheck.Outcome.NotAsDeclared notAsDeclared) {
            outcome = new UploadCheck.Outcome.Refused("the file is not " + notAsDeclared.declared().mediaType()
                    + ", the content_type it was announced as");
        }
        return switch (outcome) {
            case UploadCheck.Outcome.Accepted accepted -> {
                Upload ready = upload.ready(accepted.bytes(), accepted.seconds());
                yield uploads.settle(ready) ? new CheckUploadResult.Ready(ready)
                        : new CheckUploadResult.Skipped("the upload was settled meanwhile");
            }
            case UploadCheck.Outcome.Refused refused -> {
                Upload failed = upload.failed(refused.reason());
                if (!uploads.settle(failed)) {
                    yield new CheckUploadResult.Skipped("the upload was settled meanwhile");
                }
                files.remove(upload.key());
                yield new CheckUploadResult.Failed(failed, refused.reason());
            }
            case UploadCheck.Outcome.NotAsDeclared notAsDeclared -> throw new IllegalStateException("mapped above");
        };
    }
}
