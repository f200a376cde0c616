package dev.reelforge.picovico.projects;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.project.ProjectPublication;
import dev.reelforge.core.project.ProjectWire;
import dev.reelforge.core.project.StoredProject;
import dev.reelforge.core.project.StyleBook;

/**
 * Picovico's Video object for a project, filled with what Reelforge knows: {@code video} ({@code {"360":{"url",
 * "size"},...}}, each quality up to the chosen one) and {@code thumbnail} ({@code {"360":url,...}}) are null until
 * published, {@code duration} is what the style makes of the frames (null without a style), {@code view}
 * is null (views are not counted), {@code tags} empty, {@code owner} only its id.
 */
final class VideoJson {

    private VideoJson() {}

    static ObjectNode of(StoredProject stored, StyleBook styles) {
        ObjectNode video = ProjectWire.fields(stored.project());
        ObjectNode json = Json.object();
        json.put("id", stored.id());
        json.put("status", stored.status().wireName());
        json.set("name", video.get("name"));
        json.set("style", video.get("style"));
        json.set("quality", video.get("quality"));
        json.set("assets", video.get("assets"));
        json.set("credit", video.get("credit"));
        json.set("privacy", video.get("privacy"));
        json.put("callback_url", stored.callbackUrl().map(Object::toString).orElse(null));
        json.put("description", (String) null);
        json.putArray("tags");
        json.putObject("owner").put("id", stored.owner());
        stored.project().style().flatMap(styles::style).ifPresentOrElse(style -> json.put("duration",
                        style.intro().length() + stored.project().frames().size() * style.slideLength()
                                + (stored.project().credits().isEmpty() ? 0 : style.credits().length())),
                () -> json.putNull("duration"));
        json.put("created_on", stored.created().getEpochSecond());
        json.put("modified_on", stored.modified().getEpochSecond());
        json.putNull("view");
        stored.publication().ifPresentOrElse(publication -> {
            ObjectNode videos = json.putObject("video");
            ObjectNode thumbnails = json.putObject("thumbnail");
            for (ProjectPublication.PublishedVideo hosted : publication.videos()) {
                String quality = Integer.toString(hosted.quality().height());
                ObjectNode entry = videos.putObject(quality).put("url", hosted.url());
                if (hosted.size().isPresent()) {
                    entry.put("size", hosted.size().getAsLong());
                } else {
                    entry.putNull("size");
                }
                thumbnails.put(quality, hosted.thumbnail().orElse(null));
            }
        }, () -> {
            json.putNull("video");
            json.putNull("thumbnail");
        });
        json.put("failure", stored.failure().orElse(null));
        return json;
    }
}
