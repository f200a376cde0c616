package dev.reelforge.core.edit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.edit.model.Asset;
import dev.reelforge.core.edit.model.ChromaKey;
import dev.reelforge.core.edit.model.ClipLength;
import dev.reelforge.core.edit.model.Color;
import dev.reelforge.core.validation.JsonPath;
import dev.reelforge.core.validation.Violations;
import java.util.Optional;

/** Reads what makes parts of a picture transparent: a video's {@code chromaKey}. */
final class MatteReader {

    private MatteReader() {}

    /** A video asset's chroma key (the schema has checked its types and ranges); absent values take the defaults. */
    static Optional<ChromaKey> chromaKey(JsonNode video) {
        JsonNode key = video.path("chromaKey");
        if (!key.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new ChromaKey(
                key.hasNonNull("color") ? Color.parse(key.path("color").asText()) : ChromaKey.DEFAULT_COLOR,
                key.hasNonNull("threshold") ? key.path("threshold").asInt() : ChromaKey.DEFAULT_THRESHOLD,
                key.hasNonNull("halo") ? key.path("halo").asInt() : ChromaKey.DEFAULT_HALO));
    }

    /** A paused video or audio has no length of its own to take. */
    static void checkLength(Asset asset, ClipLength length, JsonPath clip, Violations violations) {
        if (length instanceof ClipLength.OfAsset && asset instanceof Asset.Video video && video.paused()) {
            violations.add(clip.property("length"),
                    "cannot be auto for a video whose speed is 0: a paused clip has no length of its own");
        }
        if (length instanceof ClipLength.OfAsset && asset instanceof Asset.Audio audio && audio.speed() == 0) {
            violations.add(clip.property("length"),
                    "cannot be auto for an audio whose speed is 0: a paused clip has no length of its own");
        }
    }
}
