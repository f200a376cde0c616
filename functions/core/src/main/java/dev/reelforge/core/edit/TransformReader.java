package dev.reelforge.core.edit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.edit.model.Keyframes;
import dev.reelforge.core.edit.model.Transform;
import dev.reelforge.core.edit.model.Tween;
import dev.reelforge.core.validation.JsonPath;
import dev.reelforge.core.validation.Violations;
import java.util.Optional;

/** Reads a clip's {@code transform} and its asset's {@code crop} (the schema has already checked their types). */
final class TransformReader {

    /** The contract's bound: beyond 3 a picture is already nearly flat. */
    private static final double MAX_SKEW = 100;

    private TransformReader() {}

    static Transform read(JsonNode clip, JsonPath path, Violations violations) {
        JsonNode transform = clip.path("transform");
        JsonPath transformPath = path.property("transform");
        JsonNode skew = transform.path("skew");
        JsonNode angle = transform.path("rotate").path("angle");
        JsonNode flip = transform.path("flip");
        for (String axis : new String[] {"x", "y"}) {
            JsonNode factor = skew.path(axis);
            if (factor.isNumber() && Math.abs(factor.asDouble()) > MAX_SKEW) {
                violations.add(transformPath.property("skew").property(axis),
                        "must be between -" + (int) MAX_SKEW + " and " + (int) MAX_SKEW + " (fractions of the frame)");
            }
        }
        return new Transform(crop(clip.path("asset"), path.property("asset"), violations),
                flip.path("horizontal").asBoolean(false), flip.path("vertical").asBoolean(false),
                angle.isNumber() ? angle.asDouble() : 0, skewFactor(skew.path("x")), skewFactor(skew.path("y")));
    }

    /**
     * The tweens of {@code transform.skew.<axis>}, each {@code from} and {@code to} within the bound a number has
     * (or empty, the violations saying why).
     */
    static Optional<Keyframes> skewTweens(JsonNode clip, String axis, JsonPath path, Violations violations) {
        JsonPath skewPath = path.property("transform").property("skew").property(axis);
        Optional<Keyframes> tweens =
                TweenReader.read(clip.path("transform").path("skew").path(axis), skewPath, violations);
        for (int i = 0; tweens.isPresent() && i < tweens.get().tweens().size(); i++) {
            Tween tween = tweens.get().tweens().get(i);
            if (Math.abs(tween.from()) > MAX_SKEW || Math.abs(tween.to()) > MAX_SKEW) {
                violations.add(skewPath.index(i), "from and to must be between -" + (int) MAX_SKEW + " and "
                        + (int) MAX_SKEW + " (fractions of the frame)");
                return Optional.empty();
            }
        }
        return tweens;
    }

    private static double skewFactor(JsonNode value) {
        return value.isNumber() ? Math.clamp(value.asDouble(), -MAX_SKEW, MAX_SKEW) : 0;
    }

    /** Whether a transform value changes the picture: a tween array, or a number other than 0. */
    private static boolean shapes(JsonNode value) {
        return value.isArray() || (value.isNumber() && value.asDouble() != 0);
    }

    private static Transform.Crop crop(JsonNode asset, JsonPath path, Violations violations) {
        JsonNode crop = asset.path("crop");
        if (!crop.isObject()) {
            return Transform.Crop.NONE;
        }
        Transform.Crop read = new Transform.Crop(side(crop, "top"), side(crop, "bottom"), side(crop, "left"),
                side(crop, "right"));
        if (read.keptWidth() <= 0) {
            violations.add(path.property("crop"), "left and right add up to 1 or more: nothing of the asset is left");
        }
        if (read.keptHeight() <= 0) {
            violations.add(path.property("crop"), "top and bottom add up to 1 or more: nothing of the asset is left");
        }
        return read;
    }

    private static double side(JsonNode crop, String name) {
        return Math.max(0, Math.min(1, crop.path(name).asDouble(0)));
    }
}
