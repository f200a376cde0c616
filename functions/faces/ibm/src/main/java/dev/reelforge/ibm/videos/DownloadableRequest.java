package dev.reelforge.ibm.videos;

import dev.reelforge.core.video.download.DownloadFormat;
import dev.reelforge.ibm.Caller;
import dev.reelforge.ibm.IbmError;
import dev.reelforge.ibm.IbmRequest;
import dev.reelforge.ibm.Parsed;
import java.util.UUID;

/**
 * What {@code GET|POST /videos/{video}/downloadable/{format}} names: the caller, the video ({@code {video}} is the bare
 * id) and the format ({@code {format}} is {@code mp4.json} or {@code flv.json}). Any other id or format names nothing
 * here: 404 {@code not_found}, as for an unknown video.
 */
record DownloadableRequest(Caller caller, UUID videoId, DownloadFormat format) {

    private static final String SUFFIX = ".json";

    static Parsed<DownloadableRequest> parse(IbmRequest request) {
        Caller caller = request.caller();
        return request.videoId("video", "").flatMap(videoId -> format(request)
                .map(format -> new DownloadableRequest(caller, videoId, format)));
    }

    private static Parsed<DownloadFormat> format(IbmRequest request) {
        return request.pathParameter("format")
                .filter(value -> value.endsWith(SUFFIX))
                .flatMap(value -> DownloadFormat.fromWireName(value.substring(0, value.length() - SUFFIX.length())))
                .<Parsed<DownloadFormat>>map(Parsed::ok)
                .orElseGet(() -> Parsed.rejected(IbmError.notFound(
                        "a video is downloadable as mp4.json or flv.json only")));
    }

    static IbmError noSuchVideo() {
        return IbmError.notFound("no video of yours has this id");
    }
}
