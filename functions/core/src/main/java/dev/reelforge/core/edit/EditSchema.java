package dev.reelforge.core.edit;

import static dev.reelforge.core.validation.Schemas.anyValue;
import static dev.reelforge.core.validation.Schemas.arrayOf;
import static dev.reelforge.core.validation.Schemas.bool;
import static dev.reelforge.core.validation.Schemas.integer;
import static dev.reelforge.core.validation.Schemas.number;
import static dev.reelforge.core.validation.Schemas.object;
import static dev.reelforge.core.validation.Schemas.oneOf;
import static dev.reelforge.core.validation.Schemas.string;
import static dev.reelforge.core.validation.Schemas.taggedBy;

import dev.reelforge.core.edit.model.Easing;
import dev.reelforge.core.edit.model.Interpolation;
import dev.reelforge.core.validation.ArraySchema;
import dev.reelforge.core.validation.JsonPath;
import dev.reelforge.core.validation.NumberSchema;
import dev.reelforge.core.validation.ObjectRule;
import dev.reelforge.core.validation.ObjectSchema;
import dev.reelforge.core.validation.OneOfSchema;
import dev.reelforge.core.validation.StringSchema;
import dev.reelforge.core.validation.TaggedUnionSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Edit document accepted by {@code POST /render}, declared by hand from the Shotstack OpenAPI contract
 * ({@code schemas/edit.yaml} and everything it references). Constants are declared before their first use
 * because static fields are initialised in source order.
 */
public final class EditSchema {

    private EditSchema() {}

    // ---------------------------------------------------------------- shared value shapes

    /** Every media or font source: fetched by the renderer, so it must name a host it can reach. */
    private static final StringSchema SOURCE_URL = string().url("http", "https", "s3");

    /** {@code #RGB}, {@code #RRGGBB}, or {@code #AARRGGBB} (Shotstack puts alpha first, unlike CSS). */
    private static final StringSchema COLOUR = string().matching(
            Pattern.compile("#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})"),
            "a hexadecimal colour such as #ff0000");

    /**
     * An HTML asset's background: a colour, or {@code transparent}, which Shotstack's own templates send and its
     * service accepts although the contract's prose speaks of hexadecimal colours only.
     */
    private static final StringSchema COLOUR_OR_TRANSPARENT = string().matching(
            Pattern.compile("#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})|transparent"),
            "a hexadecimal colour such as #ff0000, or transparent");

    /** A fraction where 0 is transparent (or muted) and 1 is opaque (or full volume). */
    private static final NumberSchema UNIT_INTERVAL = number().between(0, 1);

    /** A seconds offset such as a trim point: time before the start of a file does not exist. */
    private static final NumberSchema NON_NEGATIVE_SECONDS = number().min(0);

    /** Playback speed, 0 being paused. */
    private static final NumberSchema SPEED = number().between(0, 10);

    /** A size in pixels of a box or font: zero or negative sizes cannot be drawn. */
    private static final NumberSchema POSITIVE_PIXELS = integer().greaterThan(0);

    private static final StringSchema POSITION = string().oneOf(
            "top", "topRight", "right", "bottomRight", "bottom", "bottomLeft", "left", "topLeft", "center");

    private static final StringSchema VOLUME_EFFECT = string().oneOf("fadeIn", "fadeOut", "fadeInFadeOut");

    // ---------------------------------------------------------------- merge fields

    public static final ArraySchema MERGE = arrayOf(object()
            .required("find", string().notEmpty())
            .required("replace", anyValue())
            .build());

    // ---------------------------------------------------------------- animation

    static final ObjectSchema TWEEN = object()
            // from/to animate whatever property holds the tween, so their type depends on that property
            .optional("from", anyValue())
            .optional("to", anyValue())
            .optional("start", NON_NEGATIVE_SECONDS)
            .optional("length", number().greaterThan(0))
            .optional("interpolation", string().oneOf(Arrays.stream(Interpolation.values())
                    .map(Interpolation::wireName).toArray(String[]::new)))
            // the newest contract's 28 easings; they shape a bezier tween (the contract: only applicable to it)
            .optional("easing", string().oneOf(append(Arrays.stream(Easing.values())
                    .map(Easing::wireName).toArray(String[]::new), TweenReader.LINEAR_EASING)))
            .build();

    /** A property that is either a fixed number or animated by at least one tween. */
    private static OneOfSchema animatable(NumberSchema fixed) {
        return oneOf(fixed, arrayOf(TWEEN).nonEmpty());
    }

    private static final NumberSchema OFFSET_DISTANCE = number().between(-10, 10);

    static final ObjectSchema OFFSET = object()
            .optional("x", animatable(OFFSET_DISTANCE))
            .optional("y", animatable(OFFSET_DISTANCE))
            .build();

    // ---------------------------------------------------------------- asset parts

    static final ObjectSchema CROP = object()
            .optional("top", UNIT_INTERVAL)
            .optional("bottom", UNIT_INTERVAL)
            .optional("left", UNIT_INTERVAL)
            .optional("right", UNIT_INTERVAL)
            .build();

    static final ObjectSchema CHROMA_KEY = object()
            .optional("color", COLOUR)
            .optional("threshold", integer().between(0, 250))
            .optional("halo", integer().between(0, 250))
            .build();

    static final ObjectSchema TEXT_FONT = object()
            .optional("family", string())
            .optional("color", COLOUR)
            .optional("opacity", UNIT_INTERVAL)
            // Shotstack's own templates send the size as a string of digits ("36")
            .optional("size", oneOf(POSITIVE_PIXELS, string().matching(Pattern.compile("[1-9][0-9]{0,3}"),
                    "a whole number of pixels such as 36")))
            .optional("weight", integer().between(100, 900))
            .optional("lineHeight", number().greaterThan(0))
            .build();

    static final ObjectSchema TEXT_BACKGROUND = object()
            .optional("color", COLOUR)
            .optional("opacity", UNIT_INTERVAL)
            .optional("padding", number().between(0, 100))
            .optional("borderRadius", number().min(0))
            .optional("wrap", bool())
            .build();

    static final ObjectSchema TEXT_ALIGNMENT = object()
            .optional("horizontal", string().oneOf("left", "center", "right"))
            .optional("vertical", string().oneOf("top", "center", "bottom"))
            .build();

    static final ObjectSchema CAPTION_FONT = object()
            .optional("family", string())
            .optional("color", COLOUR)
            .optional("opacity", UNIT_INTERVAL)
            .optional("size", POSITIVE_PIXELS)
            .optional("lineHeight", number().greaterThan(0))
            .optional("stroke", COLOUR)
            .optional("strokeWidth", number().min(0))
            .build();

    static final ObjectSchema CAPTION_BACKGROUND = object()
            .optional("color", COLOUR)
            .optional("opacity", UNIT_INTERVAL)
            .optional("padding", integer().min(0))
            .optional("borderRadius", integer().min(0))
            .build();

    // the contract gives margins no range, and a negative margin is a plausible way to nudge captions outwards
    static final ObjectSchema CAPTION_MARGIN = object()
            .optional("top", number())
            .optional("left", number())
            .optional("right", number())
            .build();

    // ---------------------------------------------------------------- assets (tagged by "type")

    static final ObjectSchema VIDEO_ASSET = object()
            .required("type", string().oneOf("video"))
            .required("src", SOURCE_URL)
            .optional("trim", NON_NEGATIVE_SECONDS)
            .optional("volume", animatable(UNIT_INTERVAL))
            .optional("volumeEffect", VOLUME_EFFECT)
            .optional("speed", SPEED)
            .optional("crop", CROP)
            .optional("chromaKey", CHROMA_KEY)
            .build();

    static final ObjectSchema IMAGE_ASSET = object()
            .required("type", string().oneOf("image"))
            .required("src", SOURCE_URL)
            .optional("crop", CROP)
            .build();

    static final ObjectSchema TEXT_ASSET = object()
            .required("type", string().oneOf("text"))
            .required("text", string())
            .optional("width", POSITIVE_PIXELS)
            .optional("height", POSITIVE_PIXELS)
            .optional("font", TEXT_FONT)
            .optional("background", TEXT_BACKGROUND)
            .optional("alignment", TEXT_ALIGNMENT)
            .optional("stroke", object()
                    .optional("width", number().between(0, 10))
                    .optional("color", COLOUR)
                    .build())
            .optional("animation", object()
                    .required("preset", string().oneOf("typewriter"))
                    .optional("duration", number().between(0.1, 30))
                    .build())
            .optional("ellipsis", string().maxLength(100))
            .build();

    static final ObjectSchema AUDIO_ASSET = object()
            .required("type", string().oneOf("audio"))
            .required("src", SOURCE_URL)
            .optional("trim", NON_NEGATIVE_SECONDS)
            .optional("volume", animatable(UNIT_INTERVAL))
            .optional("speed", SPEED)
            .optional("effect", VOLUME_EFFECT)
            .build();

    static final ObjectSchema LUMA_ASSET = object()
            .required("type", string().oneOf("luma"))
            .required("src", SOURCE_URL)
            .optional("trim", NON_NEGATIVE_SECONDS)
            .build();

    static final ObjectSchema CAPTION_ASSET = object()
            .required("type", string().oneOf("caption"))
            .required("src", SOURCE_URL)
            .optional("font", CAPTION_FONT)
            .optional("background", CAPTION_BACKGROUND)
            .optional("margin", CAPTION_MARGIN)
            .optional("trim", NON_NEGATIVE_SECONDS)
            .optional("speed", SPEED)
            .build();

    static final ObjectSchema HTML_ASSET = object()
            .required("type", string().oneOf("html"))
            .required("html", string())
            .optional("css", string())
            .optional("width", POSITIVE_PIXELS)
            .optional("height", POSITIVE_PIXELS)
            .optional("background", COLOUR_OR_TRANSPARENT)
            .optional("position", POSITION)
            .build();

    /** Pixels of a drawn picture: bounded so that one cannot ask the worker for an unbounded canvas. */
    private static final NumberSchema DRAWN_PIXELS = integer().between(1, 4096);

    static final ObjectSchema SHAPE_ASSET = object()
            .required("type", string().oneOf("shape"))
            .required("shape", string().oneOf("rectangle", "circle", "line"))
            .optional("width", DRAWN_PIXELS)
            .optional("height", DRAWN_PIXELS)
            .optional("fill", object()
                    .optional("color", COLOUR)
                    .optional("opacity", UNIT_INTERVAL)
                    .build())
            .optional("stroke", object()
                    .optional("color", COLOUR)
                    .optional("width", number().between(0, 100))
                    .build())
            .optional("rectangle", object()
                    .required("width", DRAWN_PIXELS)
                    .required("height", DRAWN_PIXELS)
                    .optional("cornerRadius", integer().between(0, 2048))
                    .build())
            .optional("circle", object()
                    .required("radius", integer().between(1, 2048))
                    .build())
            .optional("line", object()
                    .required("length", DRAWN_PIXELS)
                    .required("thickness", DRAWN_PIXELS)
                    .build())
            .build();

    /** The contract's bound on the markup (500,000 characters). */
    static final int MAX_SVG_CHARACTERS = 500_000;

    static final ObjectSchema SVG_ASSET = object()
            .required("type", string().oneOf("svg"))
            .required("src", string().notEmpty().maxLength(MAX_SVG_CHARACTERS))
            .build();

    // Generated assets (newest contract): checked as the contract defines them, then refused by the reader, since
    // they need generative AI.

    static final ObjectSchema TEXT_TO_IMAGE_ASSET = object()
            .required("type", string().oneOf("text-to-image"))
            .required("prompt", string())
            .optional("width", POSITIVE_PIXELS)
            .optional("height", POSITIVE_PIXELS)
            .optional("crop", CROP)
            .build();

    static final ObjectSchema IMAGE_TO_VIDEO_ASSET = object()
            .required("type", string().oneOf("image-to-video"))
            .required("src", string())
            .optional("prompt", string())
            .optional("aspectRatio", string().oneOf("1:1", "4:3", "16:9", "9:16", "3:4", "21:9", "9:21"))
            .optional("speed", SPEED)
            .optional("crop", CROP)
            .build();

    static final ObjectSchema TEXT_TO_SPEECH_ASSET = object()
            .required("type", string().oneOf("text-to-speech"))
            .required("text", string())
            .required("voice", string())
            .optional("language", string())
            .optional("newscaster", bool())
            .optional("trim", NON_NEGATIVE_SECONDS)
            .optional("volume", animatable(UNIT_INTERVAL))
            .optional("speed", SPEED)
            .optional("effect", string().oneOf("none", "fadeIn", "fadeOut", "fadeInFadeOut"))
            .build();

    /** Newest contract: HTML5 with optional JavaScript, bounded as the contract bounds it. */
    static final ObjectSchema HTML5_ASSET = object()
            .required("type", string().oneOf("html5"))
            .required("html", string().maxLength(1_000_000))
            .optional("css", string().maxLength(500_000))
            .optional("js", string().maxLength(500_000))
            .build();

    /** Deprecated by the contract in favour of the text asset, but still accepted. */
    static final ObjectSchema TITLE_ASSET = object()
            .required("type", string().oneOf("title"))
            .required("text", string())
            .optional("style", string().oneOf("minimal", "blockbuster", "vogue", "sketchy", "skinny", "chunk",
                    "chunkLight", "marker", "future", "subtitle"))
            .optional("color", COLOUR)
            .optional("size", string().oneOf("xx-small", "x-small", "small", "medium", "large", "x-large", "xx-large"))
            .optional("background", COLOUR)
            .optional("position", POSITION)
            .optional("offset", OFFSET)
            .build();

    static final TaggedUnionSchema ASSET = taggedBy("type", assetsInContractOrder());

    private static Map<String, ObjectSchema> assetsInContractOrder() {
        Map<String, ObjectSchema> assets = new LinkedHashMap<>();
        assets.put("video", VIDEO_ASSET);
        assets.put("image", IMAGE_ASSET);
        assets.put("text", TEXT_ASSET);
        assets.put("rich-text", RichTextSchema.ASSET);
        assets.put("audio", AUDIO_ASSET);
        assets.put("luma", LUMA_ASSET);
        assets.put("caption", CAPTION_ASSET);
        assets.put("rich-caption", RichCaptionSchema.ASSET);
        assets.put("html", HTML_ASSET);
        assets.put("title", TITLE_ASSET);
        assets.put("shape", SHAPE_ASSET);
        assets.put("svg", SVG_ASSET);
        assets.put("text-to-image", TEXT_TO_IMAGE_ASSET);
        assets.put("image-to-video", IMAGE_TO_VIDEO_ASSET);
        assets.put("text-to-speech", TEXT_TO_SPEECH_ASSET);
        assets.put("html5", HTML5_ASSET);
        return assets;
    }

    // ---------------------------------------------------------------- clip

    /** Each name followed by its Slow and Fast variants, in the order the contract lists them. */
    private static String[] withSpeeds(String... names) {
        List<String> all = new ArrayList<>();
        for (String name : names) {
            all.add(name);
            all.add(name + "Slow");
            all.add(name + "Fast");
        }
        return all.toArray(String[]::new);
    }

    private static String[] append(String[] names, String last) {
        String[] all = Arrays.copyOf(names, names.length + 1);
        all[names.length] = last;
        return all;
    }

    // "zoom" is the one transition the contract offers without Slow/Fast variants
    private static final StringSchema TRANSITION_NAME = string().oneOf(append(withSpeeds(
            "fade", "reveal", "wipeLeft", "wipeRight", "slideLeft", "slideRight", "slideUp", "slideDown",
            "carouselLeft", "carouselRight", "carouselUp", "carouselDown", "shuffleTopRight", "shuffleRightTop",
            "shuffleRightBottom", "shuffleBottomRight", "shuffleBottomLeft", "shuffleLeftBottom", "shuffleLeftTop",
            "shuffleTopLeft"), "zoom"));

    static final ObjectSchema TRANSITION = object()
            .optional("in", TRANSITION_NAME)
            .optional("out", TRANSITION_NAME)
            .build();

    private static final StringSchema MOTION_EFFECT = string().oneOf(withSpeeds(
            "zoomIn", "zoomOut", "slideLeft", "slideRight", "slideUp", "slideDown"));

    static final ObjectSchema TRANSFORMATION = object()
            .optional("rotate", object()
                    // a number, as the newest contract types it (the vendored one said integer); Shotstack's own
                    // templates turn clips by -7.4 degrees
                    .optional("angle", oneOf(number().between(-360, 360), arrayOf(TWEEN).nonEmpty()))
                    .build())
            // skew stays unbounded: the prose gives a 0..3 range yet also describes negative skews
            .optional("skew", object()
                    .optional("x", animatable(number()))
                    .optional("y", animatable(number()))
                    .build())
            .optional("flip", object()
                    .optional("horizontal", bool())
                    .optional("vertical", bool())
                    .build())
            .build();

    /** A clip's {@code alias}, and what {@code alias://} references name. */
    static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    static final ObjectSchema CLIP = object()
            .required("asset", ASSET)
            .required("start", oneOf(number().min(0), string().matching(
                    Pattern.compile("auto|alias://" + ALIAS.pattern()), "auto or alias://name")))
            .required("length", oneOf(number().greaterThan(0), string().matching(
                    Pattern.compile("auto|end|alias://" + ALIAS.pattern()), "auto, end or alias://name")))
            // the newest contract: an id for client SDKs (unused by rendering), an alias, the clip's own box
            .optional("id", string().maxLength(200))
            .optional("alias", string().matching(ALIAS, "letters, digits, _ and - (at most 100)"))
            .optional("width", number().between(1, 3840))
            .optional("height", number().between(1, 2160))
            .optional("fit", string().oneOf("cover", "contain", "crop", "none"))
            .optional("scale", animatable(number().min(0)))
            .optional("position", POSITION)
            .optional("offset", OFFSET)
            .optional("transition", TRANSITION)
            .optional("effect", MOTION_EFFECT)
            .optional("filter", string().oneOf(
                    "blur", "boost", "contrast", "darken", "greyscale", "lighten", "muted", "negative"))
            .optional("opacity", animatable(UNIT_INTERVAL))
            .optional("transform", TRANSFORMATION)
            .build();

    // ---------------------------------------------------------------- timeline

    static final ObjectSchema TRACK = object()
            .required("clips", arrayOf(CLIP).nonEmpty())
            .build();

    static final ObjectSchema SOUNDTRACK = object()
            .required("src", SOURCE_URL)
            .optional("effect", VOLUME_EFFECT)
            .optional("volume", UNIT_INTERVAL)
            .build();

    static final ObjectSchema FONT = object()
            .required("src", SOURCE_URL)
            .build();

    static final ObjectSchema TIMELINE = object()
            .optional("soundtrack", SOUNDTRACK)
            .optional("background", COLOUR)
            .optional("fonts", arrayOf(FONT))
            .required("tracks", arrayOf(TRACK).nonEmpty())
            .optional("cache", bool())
            .build();

    // ---------------------------------------------------------------- destinations (tagged by "provider")

    static final ObjectSchema SHOTSTACK_DESTINATION = object()
            .required("provider", string().oneOf("shotstack"))
            .optional("exclude", bool())
            .build();

    /** Mux's own limit on passthrough metadata. */
    private static final StringSchema MUX_PASSTHROUGH = new StringSchema(List.of(), null, null, Set.of(), false, 255);

    static final ObjectSchema MUX_DESTINATION = object()
            .required("provider", string().oneOf("mux"))
            .optional("options", object()
                    .optional("playbackPolicy", arrayOf(string().oneOf("public", "signed")))
                    .optional("passthrough", MUX_PASSTHROUGH)
                    .build())
            .build();

    static final ObjectSchema S3_DESTINATION = object()
            .required("provider", string().oneOf("s3"))
            .optional("options", object()
                    .required("region", string())
                    .required("bucket", string())
                    .optional("prefix", string())
                    .optional("filename", string())
                    .optional("acl", string())
                    .build())
            .build();

    static final ObjectSchema GOOGLE_CLOUD_STORAGE_DESTINATION = object()
            .required("provider", string().oneOf("google-cloud-storage"))
            .optional("options", object()
                    .required("bucket", string())
                    .optional("prefix", string())
                    .optional("filename", string())
                    .build())
            .build();

    static final ObjectSchema GOOGLE_DRIVE_DESTINATION = object()
            .required("provider", string().oneOf("google-drive"))
            // unlike the other providers, Drive's options are required: there is no default folder to fall back on
            .required("options", object()
                    .required("folderId", string())
                    .optional("filename", string())
                    .build())
            .build();

    static final ObjectSchema VIMEO_DESTINATION = object()
            .required("provider", string().oneOf("vimeo"))
            .optional("options", object()
                    .optional("name", string())
                    .optional("description", string())
                    .optional("privacy", object()
                            .optional("view", string().oneOf("anybody", "nobody", "contacts", "password", "unlisted"))
                            .optional("embed", string().oneOf("public", "private", "whitelist"))
                            .optional("comments", string().oneOf("anybody", "nobody", "contacts"))
                            .build())
                    .build())
            .build();

    static final TaggedUnionSchema DESTINATION = taggedBy("provider", destinationsInContractOrder());

    private static Map<String, ObjectSchema> destinationsInContractOrder() {
        Map<String, ObjectSchema> destinations = new LinkedHashMap<>();
        destinations.put("shotstack", SHOTSTACK_DESTINATION);
        destinations.put("mux", MUX_DESTINATION);
        destinations.put("s3", S3_DESTINATION);
        destinations.put("google-cloud-storage", GOOGLE_CLOUD_STORAGE_DESTINATION);
        destinations.put("google-drive", GOOGLE_DRIVE_DESTINATION);
        destinations.put("vimeo", VIMEO_DESTINATION);
        return destinations;
    }

    // ---------------------------------------------------------------- output

    /** Encoders need even dimensions. */
    private static final NumberSchema DIMENSION = integer().between(1, 4096).evenOnly();

    static final ObjectSchema SIZE = object()
            .optional("width", DIMENSION)
            .optional("height", DIMENSION)
            .build();

    static final ObjectSchema RANGE = object()
            .optional("start", NON_NEGATIVE_SECONDS)
            // rendering nothing is never what was meant
            .optional("length", number().greaterThan(0))
            .build();

    static final ObjectSchema POSTER = object()
            .required("capture", NON_NEGATIVE_SECONDS)
            .build();

    static final ObjectSchema THUMBNAIL = object()
            .required("capture", NON_NEGATIVE_SECONDS)
            .required("scale", UNIT_INTERVAL)
            .build();

    /**
     * A custom size replaces the preset dimensions, so pairing it with a resolution (or with an aspect ratio,
     * which only shapes a resolution) is ambiguous rather than silently resolved one way.
     */
    private static final ObjectRule SIZE_EXCLUDES_PRESETS = (output, path, violations) -> {
        boolean size = output.hasNonNull("size");
        boolean resolution = output.hasNonNull("resolution");
        boolean aspectRatio = output.hasNonNull("aspectRatio");
        if (size && resolution) {
            violations.add(path.property("size"), conflictWith(path, "resolution"));
        } else if (size && aspectRatio) {
            violations.add(path.property("aspectRatio"), conflictWith(path, "size"));
        }
    };

    private static String conflictWith(JsonPath output, String property) {
        return "cannot be combined with " + output.property(property).text() + "; omit one";
    }

    static final ObjectSchema OUTPUT = object()
            .required("format", string().oneOf("mp4", "gif", "mp3", "jpg", "png", "bmp"))
            .optional("resolution", string().oneOf("preview", "mobile", "sd", "hd", "1080", "4k"))
            .optional("aspectRatio", string().oneOf("16:9", "9:16", "1:1", "4:5", "4:3"))
            .optional("size", SIZE)
            .optional("fps", number().oneOf(12, 15, 23.976, 24, 25, 29.97, 30, 48, 50, 59.94, 60))
            .optional("scaleTo", string().oneOf("preview", "mobile", "sd", "hd", "1080"))
            .optional("quality", string().oneOf("verylow", "low", "medium", "high", "veryhigh"))
            .optional("repeat", bool())
            .optional("mute", bool())
            .optional("range", RANGE)
            .optional("poster", POSTER)
            .optional("thumbnail", THUMBNAIL)
            .optional("destinations", arrayOf(DESTINATION))
            .rule(SIZE_EXCLUDES_PRESETS)
            .build();

    // ---------------------------------------------------------------- edit

    public static final ObjectSchema EDIT = object()
            .required("timeline", TIMELINE)
            .required("output", OUTPUT)
            .optional("merge", MERGE)
            .optional("callback", string().url("http", "https"))
            // deprecated and ignored by the renderer, but still part of the contract
            .optional("disk", string().oneOf("local", "mount"))
            .build();
}
