package dev.reelforge.uploads;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.upload.Upload;
import dev.reelforge.core.upload.UploadKind;
import java.net.URI;

/**
 * A photo or music as Picovico's clients read it: {@code id}, {@code url} and {@code thumbnail_url} (a photo's own
 * URL: no smaller copy is made; null for music, which has {@code preview_url} and {@code duration}, seconds, null
 * until checked); and Reelforge's {@code status} ({@code pending}, {@code ready}, {@code failed} with its
 * {@code failure}: not {@code error}, which names the envelope of a failed request),
 * {@code content_type}, {@code size} and {@code created_on}.
 */
final class UploadJson {

    private UploadJson() {}

    static ObjectNode of(Upload upload, URI cdnUrl) {
        String url = upload.url(cdnUrl).toString();
        ObjectNode json = Json.object().put("id", upload.id()).put("url", url);
        if (upload.kind() == UploadKind.PHOTO) {
            json.put("thumbnail_url", url);
        } else {
            json.putNull("thumbnail_url");
            json.put("preview_url", url);
            if (upload.seconds().isPresent()) {
                json.put("duration", Math.round(upload.seconds().getAsDouble() * 1000) / 1000.0);
            } else {
                json.putNull("duration");
            }
        }
        json.put("status", upload.status().wireName());
        upload.error().ifPresent(error -> json.put("failure", error));
        json.put("content_type", upload.format().mediaType());
        if (upload.bytes().isPresent()) {
            json.put("size", upload.bytes().getAsLong());
        } else {
            json.putNull("size");
        }
        json.put("created_on", upload.created().getEpochSecond());
        return json;
    }
}
