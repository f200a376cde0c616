package dev.reelforge.core.upload;

/**
 * Deletes the caller's upload: its file, then its item (a retry after a failure in between finds the item and
 * removes the file again, which is fine). A project that still names it is refused when rendered.
 */
public final class DeleteUpload {

    private final Uploads uploads;
    private final UploadFiles files;

    public DeleteUpload(Uploads uploads, UploadFiles files) {
        this.uploads = uploads;
        this.files = files;
    }

    /** False when the caller has no such upload. */
    public boolean delete(UploadLookup lookup) {
        return uploads.find(lookup.owner(), lookup.environment(), lookup.kind(), lookup.id())
                .map(upload -> {
                    files.remove(upload.key());
                    return uploads.remove(upload.owner(), upload.environment(), upload.kind(), upload.id());
                })
                .orElse(false);
    }
}
