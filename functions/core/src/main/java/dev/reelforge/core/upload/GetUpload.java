package dev.reelforge.core.upload;

import java.time.Clock;
import java.util.Optional;

/** The caller's upload by id; another owner's, environment's or kind's is not found either. */
public final class GetUpload {

    private final Uploads uploads;
    private final Clock clock;

    public GetUpload(Uploads uploads, Clock clock) {
        this.uploads = uploads;
        this.clock = clock;
    }

    public Optional<Upload> get(UploadLookup lookup) {
        return uploads.find(lookup.owner(), lookup.environment(), lookup.kind(), lookup.id())
                .map(upload -> upload.asOf(clock.instant()));
    }
}
