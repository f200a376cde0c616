package dev.reelforge.core.edit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.edit.model.Clip;
import dev.reelforge.core.edit.model.ClipLength;
import dev.reelforge.core.edit.model.ClipStart;
import dev.reelforge.core.edit.model.Track;
import dev.reelforge.core.plan.SmartClipTimes;
import dev.reelforge.core.validation.JsonPath;
import dev.reelforge.core.validation.Violations;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a clip's smart timing and box (newest contract): {@code start} {@code auto} or {@code alias://name},
 * {@code length} {@code auto}, {@code end} or {@code alias://name}, the clip's {@code alias}, and its
 * {@code width}/{@code height}. Aliases are checked here, so that an edit whose references cannot be resolved is
 * refused before it is rendered.
 */
final class SmartClipReader {

    private static final String ALIAS_SCHEME = "alias://";

    private SmartClipReader() {}

    static ClipStart start(JsonNode node) {
        if (node.isNumber()) {
            return new ClipStart.At(node.asDouble());
        }
        return node.asText().startsWith(ALIAS_SCHEME) ? new ClipStart.OfAlias(aliasOf(node))
                : new ClipStart.AfterPrevious();
    }

    static ClipLength length(JsonNode node) {
        if (node.isNumber()) {
            return new ClipLength.Seconds(node.asDouble());
        }
        String text = node.asText();
        if (text.startsWith(ALIAS_SCHEME)) {
            return new ClipLength.OfAlias(aliasOf(node));
        }
        return text.equals("auto") ? new ClipLength.OfAsset() : new ClipLength.ToEnd();
    }

    static Clip.Bounds bounds(JsonNode clip) {
        return new Clip.Bounds(pixels(clip.path("width")), pixels(clip.path("height")));
    }

    /** Each alias names one clip, and every reference resolves without depending on itself. */
    static void checkAliases(JsonNode trackNodes, List<Track> tracks, JsonPath path, Violations violations) {
        Map<String, JsonPath> named = new HashMap<>();
        for (int t = 0; t < trackNodes.size(); t++) {
            JsonNode clips = trackNodes.get(t).path("clips");
            for (int c = 0; c < clips.size(); c++) {
                JsonNode alias = clips.get(c).get("alias");
                if (alias == null || alias.isNull()) {
                    continue;
                }
                JsonPath clipPath = path.index(t).property("clips").index(c);
                JsonPath first = named.putIfAbsent(alias.asText(), clipPath);
                if (first != null) {
                    violations.add(clipPath.property("alias"), "'" + alias.asText() + "' is already the alias of "
                            + first.text() + "; aliases must be unique");
                }
            }
        }
        if (!violations.isEmpty()) {
            return;
        }
        try {
            SmartClipTimes.resolve(tracks, (clip, clipPath) -> 1);
        } catch (SmartClipTimes.Unresolvable unresolvable) {
            violations.add(path.index(unresolvable.track()).property("clips").index(unresolvable.clip())
                    .property(unresolvable.property()), unresolvable.reason());
        }
    }

    private static String aliasOf(JsonNode reference) {
        return reference.asText().substring(ALIAS_SCHEME.length());
    }

    private static Optional<Integer> pixels(JsonNode side) {
        return side.isNumber() ? Optional.of((int) Math.max(1, Math.round(side.asDouble()))) : Optional.empty();
    }
}
