package dev.reelforge.ibm.videos;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.Environment;
import dev.reelforge.core.video.ChannelId;
import dev.reelforge.core.video.ExpirationRule;
import dev.reelforge.core.video.Video;
import dev.reelforge.core.video.VideoView;
import dev.reelforge.core.json.Json;

/**
 * IBM's JSON for videos, channels and expiration rules, with the fields Reelforge can fill truthfully:
 * <ul>
 *   <li>a video: {@code id}, {@code title}, {@code description}, {@code url} (the hosted MP4 on the CDN),
 *       {@code length} (seconds, a string; left out while the render has not reported it), {@code created_at} and
 *       {@code added_at} (Unix seconds, both when it was hosted, as IBM defaults them), {@code file_size} (bytes, a
 *       string), {@code protect} (always {@code public}), {@code thumbnail.default} (the render's hosted thumbnail,
 *       else its poster; left out when it has neither), {@code owner.id} and {@code links.channel}. Left out:
 *       {@code views} (not counted), {@code media_urls} (deprecated by IBM), {@code chapters}, {@code tinyurl},
 *       {@code schedule}, {@code locks}, {@code owner.username} and {@code owner.picture} (Reelforge has none);</li>
 *   <li>a channel (one per owner and environment): {@code id}, {@code title}, {@code default: true},
 *       {@code owner.id} and {@code authority.reason: own}; its videos are at
 *       {@code /channels/{id}/videos.json}.</li>
 * </ul>
 */
final class VideoJson {

    private VideoJson() {}

    static ObjectNode video(VideoView view, String base) {
        Video video = view.video();
        ObjectNode json = Json.object()
                .put("id", video.id().toString())
                .put("title", video.title())
                .put("description", video.description())
                .put("url", video.url());
        view.length().ifPresent(length -> json.put("length", length));
        json.put("created_at", video.added().getEpochSecond())
                .put("added_at", video.added().getEpochSecond())
                .put("file_size", Long.toString(video.fileSize()))
                .put("protect", video.protection().wireName());
        view.thumbnail().ifPresent(thumbnail -> json.putObject("thumbnail").put("default", thumbnail));
        json.putObject("owner").put("id", video.owner());
        json.putObject("links").putObject("channel")
                .put("href", channelHref(base, video.channel()))
                .put("id", video.channel());
        return json;
    }

    static ObjectNode channel(String owner, Environment environment) {
        String id = ChannelId.of(owner, environment);
        ObjectNode json = Json.object()
                .put("id", id)
                .put("title", "Videos (" + environment.pathName() + ")")
                .put("default", true);
        json.putObject("owner").put("id", owner);
        json.putObject("authority").put("reason", "own");
        return json;
    }

    static String channelHref(String base, String channel) {
        return base + "/channels/" + channel + ".json";
    }

    static ObjectNode expiration(ExpirationRule rule) {
        ObjectNode json = Json.object();
        ObjectNode expiration = json.putObject("expiration").put("rule", rule.wireName());
        if (rule instanceof ExpirationRule.AtGivenTime at) {
            expiration.put("expires_at", at.expiresAt().getEpochSecond());
        }
        return json;
    }
}
