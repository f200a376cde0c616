package dev.reelforge.ibm.videos;

import dev.reelforge.ibm.IbmError;

/** The errors the video routes share, in IBM's values. */
final class VideoErrors {

    private VideoErrors() {}

    static IbmError notFound() {
        return IbmError.notFound("no video with this id is yours in the token's environment");
    }

    /** 403 {@code lack_of_ownership}, where IBM documents it: changing, deleting, or the expiration of a video. */
    static IbmError notYours() {
        return IbmError.forbidden("lack_of_ownership", "the video belongs to another owner");
    }

    /** 403 {@code forbidden}: the client's expiration permission is off. */
    static IbmError expirationForbidden() {
        return IbmError.forbidden("forbidden", "this client may not manage the expiration of videos");
    }
}
