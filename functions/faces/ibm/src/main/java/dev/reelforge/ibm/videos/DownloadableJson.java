package dev.reelforge.ibm.videos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.video.download.DownloadableView;
import java.util.Locale;

/**
 * Seed 001's answer: {@code {"downloadable": {"status", "download_url", "expires_at"}}}, the URL and the expiry (Unix
 * seconds) null unless {@code available}.
 */
final class DownloadableJson {

    private DownloadableJson() {}

    static JsonNode of(DownloadableView view) {
        ObjectNode downloadable = Json.object().put("status", view.state().name().toLowerCase(Locale.ROOT));
        view.downloadUrl().ifPresentOrElse(url -> downloadable.put("download_url", url),
                () -> downloadable.putNull("download_url"));
        view.expiresAt().ifPresentOrElse(expires -> downloadable.put("expires_at", expires.getEpochSecond()),
                () -> downloadable.putNull("expires_at"));
        ObjectNode body = Json.object();
        body.set("downloadable", downloadable);
        return body;
    }
}
