package dev.reelforge.core.upload;

import java.util.List;

/** A page of the caller's photos or music, newest first. */
public final class ListUploads {

    /** The most one page holds. */
    public static final int MAX_COUNT = 100;

    private final Uploads uploads;

    public ListUploads(Uploads uploads) {
        this.uploads = uploads;
    }

    public List<Upload> list(ListUploadsCommand command) {
        int count = Math.max(1, Math.min(MAX_COUNT, command.count()));
        return uploads.list(command.owner(), command.environment(), command.kind(), command.before(), count);
    }
}
