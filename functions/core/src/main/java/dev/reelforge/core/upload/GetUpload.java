package dev.reelforge.core.upload;

import java.util.Optional;

/** The caller's upload by id; another owner's, environment's or kind's is not found either. */
public final class GetUpload {

    private final Uploads uploads;

    public GetUpload(Uploads uploads) {
        this.uploads = uploads;
    }

    public Optional<Upload> get(UploadLookup lookup) {
        return uploads.find(lookup.owner(), lookup.environment(), lookup.kind(), lookup.id());
    }
}
