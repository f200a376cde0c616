package dev.reelforge.core.ingest;

import static dev.reelforge.core.validation.Schemas.anyValue;
import static dev.reelforge.core.validation.Schemas.arrayOf;
import static dev.reelforge.core.validation.Schemas.bool;
import static dev.reelforge.core.validation.Schemas.integer;
import static dev.reelforge.core.validation.Schemas.number;
import static dev.reelforge.core.validation.Schemas.object;
import static dev.reelforge.core.validation.Schemas.string;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.edit.model.Size;
import dev.reelforge.core.ingest.RenditionEncoder.SourceMedia;
import dev.reelforge.core.ingest.RenditionFormat.Kind;
import dev.reelforge.core.validation.ArraySchema;
import dev.reelforge.core.validation.JsonPath;
import dev.reelforge.core.validation.ObjectRule;
import dev.reelforge.core.validation.ObjectSchema;
import dev.reelforge.core.validation.Violation;
import dev.reelforge.core.validation.Violations;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a source request's {@code outputs.renditions} (the Ingest API's Rendition schema) into what the encoder
 * makes, or the violations that name each wrong field ({@code outputs.renditions[1].fps must be one of: ...}).
 *
 * <p>Decisions where the contract is silent (docs/INGEST-RENDITIONS.md): at most {@link #MAX_RENDITIONS} renditions
 * per source; {@code size} and {@code resolution} together are refused (the Size schema says "When using a custom
 * size omit the resolution", and the Edit API refuses the pair too); a {@code size} with one side keeps the source's
 * aspect ratio; sides are even and 32 to 1920 pixels for a video (MediaConvert's smallest frame, the contract's
 * largest video); {@code format} defaults to mp4. What the encoder cannot make yet (formats MediaConvert does not
 * write, image renditions, {@code speed}, {@code fixOffset}, {@code fixRotation}, {@code enhance}) is refused naming
 * the field. Whether a format suits the source is known only once it is probed: {@link #checkAgainst}.
 */
public final class RenditionsReader {

    /** The most renditions one source may ask for: one job makes them all, reading the source once. */
    public static final int MAX_RENDITIONS = 10;
    /** The formats the encoder makes; the other formats of the contract are refused as not supported yet. */
    public static final Set<RenditionFormat> MADE = EnumSet.of(RenditionFormat.MP4, RenditionFormat.WEBM,
            RenditionFormat.MOV, RenditionFormat.GIF, RenditionFormat.MP3, RenditionFormat.WAV);
    /** The side of a video frame, in pixels: MediaConvert's smallest to the contract's largest video. */
    public static final int MIN_SIDE = 32;
    public static final int MAX_VIDEO_SIDE = 1920;
    /** The longest {@code filename}: it becomes part of the rendition's URL. */
    public static final int MAX_FILENAME_LENGTH = 100;

    public static final JsonPath PATH = JsonPath.of("outputs").property("renditions");

    private static final Map<String, Size> RESOLUTIONS = Map.of(
            "preview", new Size(512, 288),
            "mobile", new Size(640, 360),
            "sd", new Size(1024, 576),
            "hd", new Size(1280, 720),
            "fhd", new Size(1920, 1080));

    private static final Pattern FILENAME = Pattern.compile(
            "[A-Za-z0-9][A-Za-z0-9_.-]{0," + (MAX_FILENAME_LENGTH - 1) + "}");

    private static final ObjectRule SIZE_EXCLUDES_RESOLUTION = (rendition, path, violations) -> {
        if (rendition.hasNonNull("size") && rendition.hasNonNull("resolution")) {
            violations.add(path.property("size"), "cannot be combined with " + path.property("resolution").text()
                    + "; omit one");
        }
    };

    private static final ObjectRule SIZE_HAS_A_SIDE = (rendition, path, violations) -> {
        JsonNode size = rendition.path("size");
        if (size.isObject() && !size.hasNonNull("width") && !size.hasNonNull("height")) {
            violations.add(path.property("size"), "must have a width, a height or both");
        }
    };

    private static final ObjectSchema SIZE = object()
            .optional("width", integer().between(1, 4096).evenOnly())
            .optional("height", integer().between(1, 4096).evenOnly())
            .build();

    private static final ObjectSchema SPEED = object()
            .optional("speed", number().between(0, 10))
            .optional("preservePitch", bool())
            .build();

    private static final ObjectSchema RENDITION = object()
            .optional("format", string().oneOf(Arrays.stream(RenditionFormat.values())
                    .map(RenditionFormat::wireName).toArray(String[]::new)))
            .optional("size", SIZE)
            .optional("fit", string().oneOf("cover", "contain", "crop"))
            .optional("resolution", string().oneOf("preview", "mobile", "sd", "hd", "fhd"))
            .optional("quality", integer().between(1, 100))
            .optional("fps", number().oneOf(12, 15, 23.976, 24, 25, 29.97, 30, 48, 50, 59.94, 60))
            .optional("speed", SPEED)
            .optional("keyframeInterval", integer().between(1, 300))
            .optional("fixOffset", bool())
            .optional("fixRotation", bool())
            .optional("enhance", anyValue())
            .optional("filename", string().matching(FILENAME, "a file name of 1 to " + MAX_FILENAME_LENGTH
                    + " letters, digits, '.', '_' or '-', starting with a letter or digit, without extension"))
            .rule(SIZE_EXCLUDES_RESOLUTION)
            .rule(SIZE_HAS_A_SIDE)
            .build();

    private static final ArraySchema RENDITIONS = arrayOf(RENDITION).atMost(MAX_RENDITIONS);

    /**
     * @param renditions the value of {@code outputs.renditions}; absent ({@code null} or a missing node) or JSON
     *                   null asks for none
     */
    public RenditionsReading read(JsonNode renditions) {
        if (renditions == null || renditions.isMissingNode() || renditions.isNull()) {
            return new RenditionsReading.Read(List.of());
        }
        Violations violations = new Violations();
        RENDITIONS.check(renditions, PATH, violations);
        if (!violations.isEmpty()) {
            return new RenditionsReading.Invalid(violations.list());
        }
        List<RenditionSpec> specs = new ArrayList<>();
        for (int i = 0; i < renditions.size(); i++) {
            specs.add(spec(renditions.get(i), PATH.index(i), violations));
        }
        return violations.isEmpty() ? new RenditionsReading.Read(specs)
                : new RenditionsReading.Invalid(violations.list());
    }

    /** One rendition, checked by {@link #RENDITION} already; what the encoder cannot make is added to violations. */
    private static RenditionSpec spec(JsonNode node, JsonPath path, Violations violations) {
        RenditionFormat format = text(node, "format").flatMap(RenditionFormat::fromWire).orElse(RenditionFormat.MP4);
        if (!MADE.contains(format)) {
            violations.add(path.property("format"), "is not supported yet: " + format.wireName()
                    + " renditions cannot be made yet (" + MADE.stream().map(RenditionFormat::wireName)
                    .collect(Collectors.joining(", ")) + " can)");
        }
        boolean audio = format.kind() == Kind.AUDIO;
        for (String videoOnly : List.of("size", "resolution", "fps", "keyframeInterval")) {
            if (audio && node.hasNonNull(videoOnly)) {
                violations.add(path.property(videoOnly), "applies only to a video rendition, not to "
                        + format.wireName());
            }
        }
        if (format == RenditionFormat.GIF && node.hasNonNull("keyframeInterval")) {
            violations.add(path.property("keyframeInterval"), "applies only to mp4, webm and mov renditions");
        }
        if (node.hasNonNull("speed") && node.path("speed").path("speed").asDouble(1) != 1) {
            violations.add(path.property("speed"), "is not supported yet: renditions keep the source's speed");
        }
        for (String fix : List.of("fixOffset", "fixRotation")) {
            if (node.path(fix).asBoolean(false)) {
                violations.add(path.property(fix), "is not supported yet");
            }
        }
        if (node.hasNonNull("enhance")) {
            violations.add(path.property("enhance"), "is not supported yet");
        }
        Optional<RenditionSize> size = text(node, "resolution").map(RESOLUTIONS::get).map(RenditionSize::of);
        if (node.hasNonNull("size")) {
            JsonNode sides = node.path("size");
            OptionalInt width = side(sides, "width", path.property("size"), violations);
            OptionalInt height = side(sides, "height", path.property("size"), violations);
            size = Optional.of(new RenditionSize(width, height));
        }
        return new RenditionSpec(format, size,
                text(node, "fit").map(fit -> RenditionFit.valueOf(fit.toUpperCase(Locale.ROOT)))
                        .orElse(RenditionFit.CROP),
                node.hasNonNull("quality") ? OptionalInt.of(node.get("quality").intValue()) : OptionalInt.empty(),
                node.hasNonNull("fps") ? OptionalDouble.of(node.get("fps").doubleValue()) : OptionalDouble.empty(),
                node.hasNonNull("keyframeInterval") ? OptionalInt.of(node.get("keyframeInterval").intValue())
                        : OptionalInt.empty(),
                text(node, "filename"));
    }

    private static OptionalInt side(JsonNode size, String name, JsonPath sizePath, Violations violations) {
        if (!size.hasNonNull(name)) {
            return OptionalInt.empty();
        }
        int pixels = size.get(name).intValue();
        if (pixels < MIN_SIDE || pixels > MAX_VIDEO_SIDE) {
            violations.add(sizePath.property(name), "must be between " + MIN_SIDE + " and " + MAX_VIDEO_SIDE
                    + " for a video rendition");
        }
        return OptionalInt.of(pixels);
    }

    private static Optional<String> text(JsonNode node, String name) {
        return node.hasNonNull(name) ? Optional.of(node.get(name).textValue()) : Optional.empty();
    }

    /**
     * What of the renditions, read by {@link #read}, the probed source cannot give: a format of another kind than
     * the source (a video rendition needs moving pictures, so a still image gets none; an audio rendition needs
     * sound, so a video with sound may give an mp3), and a one-sided size whose other side would leave 32 to 1920
     * pixels. Each violation names the rendition's field; empty when every rendition can be made.
     */
    public List<Violation> checkAgainst(List<RenditionSpec> renditions, SourceMedia media) {
        Violations violations = new Violations();
        boolean still = media.hasVideo() && media.duration() <= 0;
        for (int i = 0; i < renditions.size(); i++) {
            RenditionSpec spec = renditions.get(i);
            JsonPath path = PATH.index(i);
            switch (spec.format().kind()) {
                case VIDEO -> {
                    if (!media.hasVideo()) {
                        violations.add(path.property("format"), "cannot be " + spec.format().wireName()
                                + " for a source without pictures (mp4 when omitted; mp3 or wav can be made)");
                    } else if (still) {
                        violations.add(path.property("format"), "cannot be " + spec.format().wireName()
                                + " for a still image (image renditions are not supported yet)");
                    } else {
                        spec.size().filter(size -> !size.complete()).ifPresent(size -> {
                            Size frame = size.frameFor(media);
                            String derived = size.width().isPresent() ? "height" : "width";
                            int pixels = size.width().isPresent() ? frame.height() : frame.width();
                            if (pixels < MIN_SIDE || pixels > MAX_VIDEO_SIDE) {
                                violations.add(path.property("size"), "gives this " + media.width() + "x"
                                        + media.height() + " source a " + derived + " of " + pixels
                                        + " pixels; it must be between " + MIN_SIDE + " and " + MAX_VIDEO_SIDE);
                            }
                        });
                    }
                }
                case AUDIO -> {
                    if (!media.hasAudio()) {
                        violations.add(path.property("format"), "cannot be " + spec.format().wireName()
                                + " for a source without sound");
                    }
                }
                case IMAGE -> violations.add(path.property("format"), "is not supported yet");
            }
        }
        return violations.list();
    }
}
