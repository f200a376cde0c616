package dev.reelforge.core.edit;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.validation.Violation;
import java.io.UncheckedIOException;
import java.util.List;

/** Builds edits around a fragment under test and runs them through {@link EditValidator}. */
final class EditJson {

    private EditJson() {}

    /** The messages reported for {@code json}, in the order they were found. */
    static List<String> violationsOf(String json) {
        try {
            return new EditValidator().validate(Json.MAPPER.readTree(json)).stream().map(Violation::message).toList();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("test JSON does not parse: " + json, e);
        }
    }

    /** A valid edit with one track holding {@code clip} as its only clip. */
    static String editWithClip(String clip) {
        return """
                {
                  "timeline": { "tracks": [ { "clips": [ %s ] } ] },
                  "output": { "format": "mp4", "resolution": "sd" }
                }
                """.formatted(clip);
    }

    /** A valid clip holding {@code asset}, starting at 0 and playing for 5 seconds. */
    static String clipWithAsset(String asset) {
        return """
                { "asset": %s, "start": 0, "length": 5 }
                """.formatted(asset);
    }

    static String editWithAsset(String asset) {
        return editWithClip(clipWithAsset(asset));
    }

    /** A valid clip of a video asset plus the extra clip properties in {@code properties} (comma-led). */
    static String editWithVideoClipAnd(String properties) {
        return editWithClip("""
                {
                  "asset": { "type": "video", "src": "https://example.com/video.mp4" },
                  "start": 0,
                  "length": 5
                  %s
                }
                """.formatted(properties));
    }

    /** A valid timeline with {@code output} as the edit's output. */
    static String editWithOutput(String output) {
        return """
                {
                  "timeline": {
                    "tracks": [ { "clips": [ {
                      "asset": { "type": "image", "src": "https://example.com/image.jpg" },
                      "start": 0, "length": 5
                    } ] } ]
                  },
                  "output": %s
                }
                """.formatted(output);
    }

    /** A valid mp4 output sending to the single destination {@code destination}. */
    static String editWithDestination(String destination) {
        return editWithOutput("""
                { "format": "mp4", "destinations": [ %s ] }
                """.formatted(destination));
    }
}
