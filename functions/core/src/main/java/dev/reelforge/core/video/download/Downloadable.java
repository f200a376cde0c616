package dev.reelforge.core.video.download;

import dev.reelforge.core.Environment;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The downloadable copy of one video in one format (seed 001): a file in temporary storage, made on request from the
 * video's hosted file, downloadable through a signed URL until {@code expiresAt}. One record per video and format
 * holds its latest generation: each request after the previous file ended (failed, expired) starts a new one, whose
 * file has a name of its own ({@link #objectKey}), so a late event of an old generation never touches the new file.
 *
 * @param environment of the video, as its asset records it
 * @param generation  1 for the first request, one more for each new one
 * @param requested   when this generation was requested
 * @param availableAt when its file became available
 * @param expiresAt   when its URL stops working (whole seconds: what a signed URL can say)
 * @param error       why it failed, for the logs (the Videos API has no such field)
 */
public record Downloadable(DownloadableKey key, Environment environment, DownloadableStatus status, long generation,
        Instant requested, Optional<Instant> availableAt, Optional<Instant> expiresAt, Optional<String> downloadUrl,
        Optional<String> error, Instant updated) {

    /** Where the temporary distribution serves from; the bucket's lifecycle rule for this prefix removes the files. */
    static final String TEMPORARY_PREFIX = "renders/";

    public Downloadable {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(availableAt, "availableAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(downloadUrl, "downloadUrl");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(updated, "updated");
        if (generation < 1) {
            throw new IllegalArgumentException("generations count from 1: " + generation);
        }
    }

    /** A new generation, requested now, its file still to be made. */
    public static Downloadable pending(DownloadableKey key, Environment environment, long generation, Instant now) {
        return new Downloadable(key, environment, DownloadableStatus.PENDING, generation, now, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), now);
    }

    public String owner() {
        return key.owner();
    }

    public UUID videoId() {
        return key.videoId();
    }

    public DownloadFormat format() {
        return key.format();
    }

    /** Where this generation's file is kept in temporary storage. */
    public String objectKey() {
        return objectKey(key, generation);
    }

    /**
     * {@code renders/{owner}/downloads/{videoId}-{generation}.{format}}: under the prefix the temporary distribution
     * serves and the temporary bucket's lifecycle rule expires, out of the way of render outputs
     * ({@code renders/{owner}/{renderId}...}, which hosting copies; this key names no render).
     */
    public static String objectKey(DownloadableKey key, long generation) {
        return TEMPORARY_PREFIX + key.owner() + "/downloads/" + key.videoId() + "-" + generation + "."
                + key.format().wireName();
    }

    /** The name a browser saves the file under: the video's id, which needs no quoting or escaping in a header. */
    public String attachmentName() {
        return key.videoId() + "." + key.format().wireName();
    }

    /** Whether its file can be downloaded at {@code now}: available, and its URL not yet expired. */
    public boolean isLiveAt(Instant now) {
        return status == DownloadableStatus.AVAILABLE && expiresAt.map(now::isBefore).orElse(false);
    }

    /** Whether a request at {@code now} leaves it as it is: its file is being made, or can be downloaded. */
    public boolean isInProgressOrLiveAt(Instant now) {
        return status == DownloadableStatus.PENDING || isLiveAt(now);
    }

    /** What the Videos API shows of it at {@code now}. */
    public DownloadableView viewAt(Instant now) {
        if (status == DownloadableStatus.PENDING) {
            return DownloadableView.PENDING;
        }
        if (isLiveAt(now)) {
            return DownloadableView.available(downloadUrl.orElseThrow(), expiresAt.orElseThrow());
        }
        return DownloadableView.UNAVAILABLE;
    }
}
