package dev.reelforge.core.upload;

import dev.reelforge.core.project.ProjectId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;

/**
 * Records a pending upload and signs a PUT of its file straight to the hosting bucket (size and type signed), for
 * files larger than a request through API Gateway and Lambda can carry. The bucket's event then runs
 * {@link CheckUpload}, which makes it ready or failed.
 */
public final class RequestUpload {

    /** Long enough to send 25 MB over a slow line; short enough that a leaked URL soon stops working. */
    public static final Duration LIFETIME = Duration.ofMinutes(15);

    private final Uploads uploads;
    private final UploadFiles files;
    private final Clock clock;
    private final RandomGenerator random;

    public RequestUpload(Uploads uploads, UploadFiles files, Clock clock, RandomGenerator random) {
        this.uploads = uploads;
        this.files = files;
        this.clock = clock;
        this.random = random;
    }

    public RequestUploadResult request(RequestUploadCommand command) {
        if (command.bytes() < 1 || command.bytes() > UploadLimits.MAX_BYTES) {
            return new RequestUploadResult.Refused("the field \"size\" must be between 1 and " + UploadLimits.MAX_BYTES
                    + " bytes (25 MB)");
        }
        Instant now = clock.instant();
        Upload upload = new Upload(command.owner(), command.environment(), ProjectId.generate(now, random),
                command.format(), UploadStatus.PENDING, now, OptionalLong.of(command.bytes()), OptionalDouble.empty(),
                Optional.empty());
        uploads.add(upload);
        return new RequestUploadResult.Requested(upload, files.presign(upload, command.bytes(), LIFETIME));
    }
}
