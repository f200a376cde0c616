package dev.reelforge.core.video.download;

import java.time.Instant;

/** Hands out the signed URL a downloadable's file is downloaded with, valid until a given time. */
public interface DownloadUrls {

    /** The URL of the object at {@code key} of temporary storage, valid until {@code expires}. */
    String urlOf(String key, Instant expires);
}
