package dev.reelforge.core.upload;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** A page of the caller's photos or music, newest first. */
public final class ListUploads {

    /** The most one page holds. */
    public static final int MAX_COUNT = 100;

    private final Uploads uploads;
    private final Clock clock;

    public ListUploads(Uploads uploads, Clock clock) {
        this.uploads = uploads;
        this.clock = clock;
    }

    public List<Upload> list(ListUploadsCommand command) {
        int count = Math.max(1, Math.min(MAX_COUNT, command.count()));
        Instant now = clock.instant();
        return uploads.list(command.owner(), command.environment(), command.kind(), command.before(), count).stream()
                .map(upload -> upload.asOf(now)).toList();
    }
}
