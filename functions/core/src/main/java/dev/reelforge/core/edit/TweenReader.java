package dev.reelforge.core.edit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.edit.model.Easing;
import dev.reelforge.core.edit.model.Interpolation;
import dev.reelforge.core.edit.model.Keyframes;
import dev.reelforge.core.edit.model.Tween;
import dev.reelforge.core.validation.JsonPath;
import dev.reelforge.core.validation.Violations;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * Reads a property given as an array of tweens: {@code from} and {@code to} numbers (or decimal strings such as
 * {@code "0.13"}, which a merge field's replacement leaves where the edit had {@code "{{ HEIGHT }}"}, as Shotstack's
 * own templates do), {@code start} (0 when absent) and a positive {@code length} in seconds, {@code interpolation} ({@code linear} when absent) and,
 * for {@code bezier}, {@code easing} ({@code ease} when absent).
 */
final class TweenReader {

    /** Enough for any animation; bounds the per-frame expressions built from them. */
    static final int MAX_TWEENS = 50;

    /**
     * An easing no schema lists, yet Shotstack's own templates send: read as no easing (the tween is linear).
     */
    static final String LINEAR_EASING = "linear";

    /** A decimal number written as a string; bounded, so matching is linear in a short input. */
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,9}(\\.[0-9]{1,9})?");

    private TweenReader() {}

    /** The tweens, or empty when the property is absent or not an array (or wrong: violations say so). */
    static Optional<Keyframes> read(JsonNode node, JsonPath path, Violations violations) {
        if (!node.isArray()) {
            return Optional.empty();
        }
        if (node.isEmpty() || node.size() > MAX_TWEENS) {
            violations.add(path, "must hold between 1 and " + MAX_TWEENS + " tweens");
            return Optional.empty();
        }
        List<Tween> tweens = new ArrayList<>();
        boolean valid = true;
        for (int i = 0; i < node.size(); i++) {
            JsonNode tween = node.get(i);
            JsonPath at = path.index(i);
            for (String name : List.of("from", "to")) {
                if (value(tween.path(name)).isEmpty()) {
                    violations.add(at.property(name), "must be a number");
                    valid = false;
                }
            }
            if (!tween.path("length").isNumber()) {
                violations.add(at.property("length"), "must be a number");
                valid = false;
            }
            if (tween.has("start") && !(tween.path("start").isNumber() && tween.path("start").asDouble() >= 0)) {
                violations.add(at.property("start"), "must be a number of seconds from 0");
                valid = false;
            }
            if (tween.path("length").isNumber() && !(tween.path("length").asDouble() > 0)) {
                violations.add(at.property("length"), "must be more than 0 seconds");
                valid = false;
            }
            Optional<Interpolation> interpolation = tween.has("interpolation")
                    ? Interpolation.fromWireName(tween.path("interpolation").asText())
                    : Optional.of(Interpolation.LINEAR);
            if (interpolation.isEmpty()) {
                violations.add(at.property("interpolation"), "must be linear, bezier or constant");
                valid = false;
            }
            boolean uneased = LINEAR_EASING.equals(tween.path("easing").asText());
            Optional<Easing> easing = tween.has("easing") && !uneased
                    ? Easing.fromWireName(tween.path("easing").asText()) : Optional.of(Easing.EASE);
            if (uneased && interpolation.equals(Optional.of(Interpolation.BEZIER))) {
                interpolation = Optional.of(Interpolation.LINEAR);
            }
            if (easing.isEmpty()) {
                violations.add(at.property("easing"), "is not one of Shotstack's easings (e.g. ease, easeInOutQuad)");
                valid = false;
            }
            if (valid) {
                tweens.add(new Tween(value(tween.path("from")).getAsDouble(), value(tween.path("to")).getAsDouble(),
                        tween.path("start").asDouble(0), tween.path("length").asDouble(), interpolation.get(),
                        easing.get()));
            }
        }
        return valid ? Optional.of(new Keyframes(tweens)) : Optional.empty();
    }

    private static OptionalDouble value(JsonNode node) {
        if (node.isNumber()) {
            return OptionalDouble.of(node.asDouble());
        }
        return node.isTextual() && DECIMAL.matcher(node.asText()).matches()
                ? OptionalDouble.of(Double.parseDouble(node.asText())) : OptionalDouble.empty();
    }
}
