package dev.reelforge.core.edit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.edit.model.Animation;
import dev.reelforge.core.edit.model.Asset;
import dev.reelforge.core.edit.model.Clip;
import dev.reelforge.core.edit.model.ClipLength;
import dev.reelforge.core.edit.model.ClipStart;
import dev.reelforge.core.edit.model.Color;
import dev.reelforge.core.edit.model.ColorFilter;
import dev.reelforge.core.edit.model.Edit;
import dev.reelforge.core.edit.model.Fit;
import dev.reelforge.core.edit.model.Keyframes;
import dev.reelforge.core.edit.model.FontFamily;
import dev.reelforge.core.edit.model.Fps;
import dev.reelforge.core.edit.model.MotionEffect;
import dev.reelforge.core.edit.model.MotionKind;
import dev.reelforge.core.edit.model.Offset;
import dev.reelforge.core.edit.model.Output;
import dev.reelforge.core.edit.model.OutputFormat;
import dev.reelforge.core.edit.model.Position;
import dev.reelforge.core.edit.model.Quality;
import dev.reelforge.core.edit.model.Resolution;
import dev.reelforge.core.edit.model.Size;
import dev.reelforge.core.edit.model.Soundtrack;
import dev.reelforge.core.edit.model.Speed;
import dev.reelforge.core.edit.model.Timeline;
import dev.reelforge.core.edit.model.TitleSize;
import dev.reelforge.core.edit.model.TitleStyle;
import dev.reelforge.core.edit.model.Track;
import dev.reelforge.core.edit.model.Transform;
import dev.reelforge.core.edit.model.Transition;
import dev.reelforge.core.edit.model.TransitionKind;
import dev.reelforge.core.edit.model.Typeface;
import dev.reelforge.core.edit.model.VolumeEffect;
import dev.reelforge.core.destination.S3Destination;
import dev.reelforge.core.validation.JsonPath;
import dev.reelforge.core.validation.Violations;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an edit that passed {@link EditValidator} (merge fields applied) into the renderable model. The
 * contract allows more than Reelforge renders today; every such part is reported, naming its path and
 * saying it is not supported yet, rather than ignored. docs/EDIT-COVERAGE.md lists what is supported.
 */
public final class EditReader {

    /** Videos are written at most this large on either side; still images may be larger. */
    static final int MAX_VIDEO_SIDE = 1920;

    private static final String NOT_SUPPORTED = "is not supported yet";

    public EditReading read(JsonNode merged) {
        Violations violations = new Violations();
        JsonPath root = JsonPath.ROOT;
        Timeline timeline = timeline(merged.path("timeline"), root.property("timeline"), violations);
        Output output = output(merged.path("output"), root.property("output"), violations);
        if (violations.isEmpty()) {
            checkRichTextWork(timeline, output, root.property("timeline").property("tracks"), violations);
        }
        if (!violations.isEmpty()) {
            return new EditReading.Unsupported(violations.list());
        }
        return new EditReading.Renderable(new Edit(timeline, output));
    }

    /**
     * The rich-text animations' drawing bounded ({@link RichTextBudget}) where it is known now: clips whose length
     * is a number. The others are counted when the render is planned.
     */
    private static void checkRichTextWork(Timeline timeline, Output output, JsonPath tracks, Violations violations) {
        RichTextBudget budget = new RichTextBudget();
        for (int t = 0; t < timeline.tracks().size(); t++) {
            List<Clip> clips = timeline.tracks().get(t).clips();
            for (int c = 0; c < clips.size(); c++) {
                if (clips.get(c).asset() instanceof Asset.RichText rich
                        && clips.get(c).length() instanceof ClipLength.Seconds length) {
                    Optional<String> problem = budget.add(RichTextBudget.pixels(rich.look(),
                            rich.width().orElse(output.size().width()), rich.height().orElse(output.size().height()),
                            0, length.seconds(), output.fps()));
                    if (problem.isPresent()) {
                        violations.add(tracks.index(t).property("clips").index(c).property("asset")
                                .property("animation"), problem.get());
                        return;
                    }
                }
            }
        }
    }

    private Timeline timeline(JsonNode node, JsonPath path, Violations violations) {
        List<URI> fonts = new ArrayList<>();
        node.path("fonts").forEach(font -> fonts.add(URI.create(font.path("src").asText())));
        Optional<Soundtrack> soundtrack = Optional.empty();
        JsonNode soundtrackNode = node.path("soundtrack");
        if (present(node, "soundtrack")) {
            soundtrack = Optional.of(new Soundtrack(URI.create(soundtrackNode.path("src").asText()),
                    soundtrackNode.path("volume").asDouble(1),
                    optionalText(soundtrackNode, "effect").map(VolumeEffect::fromWireName)));
        }
        Color background = optionalText(node, "background").map(Color::parse).orElse(Color.BLACK);
        List<Track> tracks = new ArrayList<>();
        JsonNode trackNodes = node.path("tracks");
        for (int t = 0; t < trackNodes.size(); t++) {
            JsonPath trackPath = path.property("tracks").index(t);
            JsonNode clipNodes = trackNodes.get(t).path("clips");
            List<Clip> clips = new ArrayList<>();
            boolean previousLastsToEnd = false;
            for (int c = 0; c < clipNodes.size(); c++) {
                JsonPath clipPath = trackPath.property("clips").index(c);
                Clip clip = clip(clipNodes.get(c), clipPath, violations);
                if (clip == null) {
                    continue;
                }
                if (fonts.isEmpty()) {
                    RichTextReader.requestedFamily(clip.asset()).ifPresent(requested -> violations.add(
                            clipPath.property("asset").property("font").property("family"),
                            FontFamily.unavailable(requested.family()) + ", or a family of timeline.fonts"));
                } else {
                    clip = FontChoice.ownFontsFirst(clip, clipNodes.get(c).path("asset"));
                }
                if (clip.start() instanceof ClipStart.AfterPrevious && previousLastsToEnd) {
                    violations.add(clipPath.property("start"),
                            "cannot be auto after a clip whose length is end: that clip has no end to follow");
                }
                previousLastsToEnd = clip.length() instanceof ClipLength.ToEnd;
                clips.add(clip);
            }
            tracks.add(new Track(clips));
        }
        if (violations.isEmpty()) {
            SmartClipReader.checkAliases(trackNodes, tracks, path.property("tracks"), violations);
        }
        return new Timeline(soundtrack, background, tracks, fonts);
    }

    private Clip clip(JsonNode node, JsonPath path, Violations violations) {
        Transform transform = TransformReader.read(node, path, violations);
        Asset asset = RichTextReader.withClipBox(asset(node.path("asset"), path.property("asset"), violations), node);
        ClipStart start = SmartClipReader.start(node.path("start"));
        ClipLength length = SmartClipReader.length(node.path("length"));
        MatteReader.checkLength(asset, length, path, violations);
        Optional<Transition> in = transition(node.path("transition"), "in", path.property("transition"), violations);
        Optional<Transition> out = transition(node.path("transition"), "out", path.property("transition"), violations);
        Optional<MotionEffect> effect = optionalText(node, "effect").map(name ->
                new MotionEffect(MotionKind.fromWireName(Speed.baseName(name)).orElseThrow(), Speed.ofSuffixed(name)));
        Animation animation = new Animation(
                TweenReader.read(node.path("opacity"), path.property("opacity"), violations),
                offsetTweens(node, "x", path, violations),
                offsetTweens(node, "y", path, violations),
                Set.of("video", "audio").contains(node.path("asset").path("type").asText())
                        ? TweenReader.read(node.path("asset").path("volume"),
                                path.property("asset").property("volume"), violations)
                        : Optional.empty(),
                TweenReader.read(node.path("transform").path("rotate").path("angle"),
                        path.property("transform").property("rotate").property("angle"), violations),
                TweenReader.read(node.path("scale"), path.property("scale"), violations),
                TransformReader.skewTweens(node, "x", path, violations),
                TransformReader.skewTweens(node, "y", path, violations));
        double opacity = firstValue(node, "opacity", animation.opacity(), path, violations, 1);
        Offset offset = new Offset(
                firstValue(node.path("offset"), "x", animation.offsetX(), path.property("offset"), violations, 0),
                firstValue(node.path("offset"), "y", animation.offsetY(), path.property("offset"), violations, 0));
        if (asset == null) {
            return null;
        }
        if ((animation.looks() || animation.shapes()) && asset instanceof Asset.Luma) {
            // a luma is a matte: it is fitted to the picture it masks and never placed on the frame itself
            violations.add(path.property(animation.opacity().isPresent() ? "opacity"
                            : animation.offsetX().isPresent() || animation.offsetY().isPresent() ? "offset"
                            : animation.scale().isPresent() ? "scale" : "transform"),
                    "as an array of tweens is not offered on luma assets: a luma is a matte stretched over the clip"
                            + " it masks, not a picture placed on the frame, so it has no opacity, place, size or"
                            + " turn of its own to tween (tween the masked clip, or make the matte's motion part of"
                            + " the luma's video)");
        }
        // A tweened scale places the picture at its largest and shrinks it from there.
        double scale = animation.scale().map(EditReader::largest)
                .orElse(present(node, "scale") ? node.path("scale").asDouble() : 0);
        return new Clip(asset, start, length,
                // a drawn picture (shape, svg) or an HTML box keeps its pixels unless the clip asks for a fit
                optionalText(node, "fit").map(Fit::fromWireName)
                        .orElse(asset instanceof Asset.Drawn || asset instanceof Asset.Html ? Fit.NONE : Fit.CROP),
                scale > 0 ? scale : 1,
                optionalText(node, "position").map(Position::fromWireName).orElse(Position.CENTER),
                offset, in, out, effect,
                optionalText(node, "filter").map(name -> ColorFilter.fromWireName(name).orElseThrow()),
                opacity, transform, animation, SmartClipReader.bounds(node), optionalText(node, "alias"));
    }

    private Asset asset(JsonNode node, JsonPath path, Violations violations) {
        String type = node.path("type").asText();
        return switch (type) {
            case "video" -> {
                double speed = node.path("speed").asDouble(1);
                yield new Asset.Video(URI.create(node.path("src").asText()), node.path("trim").asDouble(0),
                        volume(node, path, violations), speed,
                        optionalText(node, "volumeEffect").map(VolumeEffect::fromWireName),
                        MatteReader.chromaKey(node));
            }
            case "luma" -> new Asset.Luma(URI.create(node.path("src").asText()), node.path("trim").asDouble(0));
            case "image" -> {
                yield new Asset.Image(URI.create(node.path("src").asText()));
            }
            case "audio" -> {
                // speed 0 (paused): silence for the clip's length, as a paused video is a still (RenderPlanner)
                double speed = node.path("speed").asDouble(1);
                yield new Asset.Audio(URI.create(node.path("src").asText()), node.path("trim").asDouble(0),
                        volume(node, path, violations), speed,
                        optionalText(node, "effect").map(VolumeEffect::fromWireName));
            }
            case "title" -> {
                TitleStyle style = optionalText(node, "style").map(TitleStyle::fromWireName).orElse(TitleStyle.MINIMAL);
                yield new Asset.Title(node.path("text").asText(), style,
                        optionalText(node, "color").map(Color::parse).orElse(Color.WHITE),
                        optionalText(node, "size").map(TitleSize::fromWireName).orElse(TitleSize.MEDIUM),
                        optionalText(node, "background").map(Color::parse),
                        optionalText(node, "position").map(Position::fromWireName),
                        titleOffset(node.path("offset")));
            }
            case "text" -> {
                TextFinishReader.refuseUnsupported(node, path, violations);
                yield text(node, path, violations);
            }
            case "rich-text" -> RichTextReader.read(node, path, violations);
            case "shape" -> DrawnAssetReader.shape(node, path, violations);
            case "svg" -> DrawnAssetReader.svg(node, path, violations);
            case "text-to-image", "image-to-video", "text-to-speech" -> {
                violations.add(path.property("type"), "'" + type + "' needs generative AI, which Reelforge does not "
                        + "offer (make the " + switch (type) {
                            case "text-to-image" -> "image";
                            case "image-to-video" -> "video";
                            default -> "audio";
                        } + " elsewhere and give its file as an asset's src)");
                yield null;
            }
            case "html" -> HtmlReader.read(node, path, violations);
            case "html5" -> HtmlReader.readHtml5(node, path, violations);
            case "caption" -> CaptionReader.caption(node, path, violations);
            case "rich-caption" -> RichCaptionReader.richCaption(node, path, violations);
            default -> {
                violations.add(path.property("type"), "'" + type + "' " + NOT_SUPPORTED
                        + " (supported: video, image, audio, luma, title, text, rich-text, caption, rich-caption, shape, svg, html, html5)");
                yield null;
            }
        };
    }

    private Asset text(JsonNode node, JsonPath path, Violations violations) {
        JsonNode font = node.path("font");
        FontChoice choice = FontChoice.of(font);
        FontFamily family = choice.family();
        Optional<Typeface> requested = choice.requested();
        Color color = optionalText(font, "color").map(Color::parse).orElse(Color.WHITE)
                .withOpacity(font.path("opacity").asDouble(1));
        JsonNode alignment = node.path("alignment");
        // the newest contract's background opacity is the colour's
        Optional<Color> background = optionalText(node.path("background"), "color").map(Color::parse)
                .map(colour -> colour.withOpacity(node.path("background").path("opacity").asDouble(1)));
        Asset.Text text = new Asset.Text(node.path("text").asText(),
                present(node, "width") ? Optional.of(node.path("width").asInt()) : Optional.empty(),
                present(node, "height") ? Optional.of(node.path("height").asInt()) : Optional.empty(),
                requested.orElse(family.face(font.path("weight").asInt(400))),
                TextFinishReader.size(font),
                font.path("lineHeight").asDouble(1),
                color,
                background,
                Asset.HorizontalAlign.valueOf(alignment.path("horizontal").asText("center").toUpperCase(Locale.ROOT)),
                Asset.VerticalAlign.valueOf(alignment.path("vertical").asText("center").toUpperCase(Locale.ROOT)),
                TextFinishReader.finish(node));
        return present(node, "animation")
                ? TypewriterText.of(text, node.path("animation"))
                : text;
    }

    private Optional<Transition> transition(JsonNode node, String direction, JsonPath path, Violations violations) {
        Optional<String> name = optionalText(node, direction);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Optional<TransitionKind> kind = TransitionKind.fromWireName(Speed.baseName(name.get()));
        if (kind.isEmpty()) {
            violations.add(path.property(direction), "'" + name.get() + "' " + NOT_SUPPORTED
                    + " (supported: fade, reveal, wipeLeft, wipeRight, slideLeft, slideRight, slideUp, slideDown, "
                    + "carouselLeft, carouselRight, carouselUp, carouselDown, shuffleTopRight, shuffleRightTop, "
                    + "shuffleRightBottom, shuffleBottomRight, shuffleBottomLeft, shuffleLeftBottom, shuffleLeftTop, "
                    + "shuffleTopLeft, zoom, "
                    + "each with Slow and Fast variants)");
            return Optional.empty();
        }
        return Optional.of(new Transition(kind.get(), Speed.ofSuffixed(name.get())));
    }

    private Output output(JsonNode node, JsonPath path, Violations violations) {
        OutputFormat format = OutputFormat.fromWireName(node.path("format").asText());
        Optional<Resolution> resolution = optionalText(node, "resolution").map(Resolution::fromWireName);
        Size size;
        if (present(node, "size")) {
            JsonNode sizeNode = node.path("size");
            for (String side : List.of("width", "height")) {
                if (!present(sizeNode, side)) {
                    violations.add(path.property("size").property(side), "is required when a custom size is set");
                }
            }
            size = new Size(sizeNode.path("width").asInt(2), sizeNode.path("height").asInt(2));
            if (format.kind() == OutputFormat.Kind.VIDEO
                    && (size.width() > MAX_VIDEO_SIDE || size.height() > MAX_VIDEO_SIDE)) {
                violations.add(path.property("size"), "must be at most " + MAX_VIDEO_SIDE
                        + " pixels on each side for video (images may be up to 4096)");
            }
        } else {
            size = resolution.orElse(Resolution.SD).size(node.path("aspectRatio").asText("16:9"));
        }
        Fps fps = present(node, "fps") ? Fps.of(node.path("fps").asDouble())
                : resolution.map(Resolution::defaultFps).orElse(Fps.DEFAULT);
        Optional<Size> scaleTo = optionalText(node, "scaleTo").map(name -> {
            Size target = Resolution.fromWireName(name).size(node.path("aspectRatio").asText("16:9"));
            return size.width() * target.height() == size.height() * target.width() ? target
                    : new Size(target.width(), target.width() * size.height() / size.width() / 2 * 2);
        });
        JsonNode range = node.path("range");
        Optional<Output.Range> outputRange = present(node, "range")
                ? Optional.of(new Output.Range(range.path("start").asDouble(0),
                        present(range, "length") ? range.path("length").asDouble() : Double.POSITIVE_INFINITY))
                : Optional.empty();
        Optional<Output.Thumbnail> thumbnail = present(node, "thumbnail")
                ? Optional.of(new Output.Thumbnail(node.path("thumbnail").path("capture").asDouble(),
                        node.path("thumbnail").path("scale").asDouble()))
                : Optional.empty();
        boolean hosted = true;
        JsonNode destinations = node.path("destinations");
        for (int i = 0; i < destinations.size(); i++) {
            JsonNode destination = destinations.get(i);
            String provider = destination.path("provider").asText();
            if ("shotstack".equals(provider)) {
                hosted = !destination.path("exclude").asBoolean(false);
            } else if ("s3".equals(provider)) {
                s3Destination(destination, path.property("destinations").index(i), violations);
            } else {
                violations.add(path.property("destinations").index(i).property("provider"), notOffered(provider));
            }
        }
        return new Output(format, size, scaleTo, fps,
                optionalText(node, "quality").map(Quality::fromWireName).orElse(Quality.MEDIUM),
                node.path("repeat").asBoolean(true), node.path("mute").asBoolean(false), outputRange,
                present(node, "poster") ? Optional.of(node.path("poster").path("capture").asDouble()) : Optional.empty(),
                thumbnail, hosted);
    }

    /** Why a destination {@code provider} other than shotstack and s3 (a render's or a transfer's) is refused. */
    public static String notOffered(String provider) {
        return "'" + provider + "' is not offered: it is a third-party service that a self-hosted Reelforge has no"
                + " account on (only the shotstack hosting destination and s3, your own bucket, are)";
    }

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]{1,2}");
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final String KEY_CHARACTERS = "[A-Za-z0-9!_.*()-]+";
    private static final Pattern PREFIX = Pattern.compile(KEY_CHARACTERS + "(/" + KEY_CHARACTERS + ")*/?");
    private static final Pattern FILENAME = Pattern.compile(KEY_CHARACTERS);
    private static final int MAX_PREFIX = 512;
    private static final int MAX_FILENAME = 200;

    /**
     * An s3 destination's options, which the contract leaves as free strings: a real region and bucket name, and a
     * prefix and filename that make a plain key (S3's safe characters, no {@code .} or {@code ..} folders), so the
     * key written is the one the user reads back. Whether the bucket is granted is checked at submit
     * ({@code EditChecks}), not here: the worker reads stored edits with this reader.
     */
    public static void s3Destination(JsonNode destination, JsonPath at, Violations violations) {
        JsonNode options = destination.path("options");
        if (!options.isObject()) {
            violations.add(at.property("options"), "is required for the s3 destination: at least region and bucket");
            return;
        }
        JsonPath where = at.property("options");
        String region = options.path("region").asText("");
        if (region.length() > 32 || !REGION.matcher(region).matches()) {
            violations.add(where.property("region"), "must be an AWS region such as us-east-1");
        }
        String bucket = options.path("bucket").asText("");
        if (bucket.length() > 63 || !BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
            violations.add(where.property("bucket"), "must be an S3 bucket name (3-63 lowercase letters, digits,"
                    + " dots and hyphens)");
        }
        if (options.has("prefix")) {
            String prefix = options.path("prefix").asText("");
            if (prefix.length() > MAX_PREFIX || !PREFIX.matcher(prefix).matches() || hasDotFolder(prefix)) {
                violations.add(where.property("prefix"), "must be 1 to " + MAX_PREFIX + " characters: folders of letters,"
                        + " digits and !_.*()- separated by /, such as my-renders or customer/videos");
            }
        }
        if (options.has("filename")) {
            String filename = options.path("filename").asText("");
            if (filename.length() > MAX_FILENAME || !FILENAME.matcher(filename).matches() || hasDotFolder(filename)) {
                violations.add(where.property("filename"), "must be 1 to " + MAX_FILENAME + " characters of letters,"
                        + " digits and !_.*()-, without extension (it is added per output)");
            }
        }
        if (options.has("acl") && !S3Destination.CANNED_ACLS.contains(options.path("acl").asText(""))) {
            violations.add(where.property("acl"), "must be one of S3's canned ACLs: "
                    + String.join(", ", S3Destination.CANNED_ACLS));
        }
    }

    private static boolean hasDotFolder(String path) {
        for (String part : path.split("/", -1)) {
            if (part.equals(".") || part.equals("..")) {
                return true;
            }
        }
        return false;
    }

    private static double largest(Keyframes tweens) {
        return tweens.tweens().stream().mapToDouble(tween -> Math.max(tween.from(), tween.to())).max().orElse(1);
    }

    /**
     * The clip's offset tweens on {@code axis}; a title's own offset tweens (its schema's Offset takes them too)
     * stand in when the clip has none there, the title being placed by the sum of the two offsets.
     */
    private static Optional<Keyframes> offsetTweens(JsonNode node, String axis, JsonPath path,
            Violations violations) {
        Optional<Keyframes> clip = TweenReader.read(node.path("offset").path(axis),
                path.property("offset").property(axis), violations);
        JsonNode own = node.path("asset").path("offset").path(axis);
        if (!"title".equals(node.path("asset").path("type").asText()) || !own.isArray()) {
            return clip;
        }
        JsonPath ownPath = path.property("asset").property("offset").property(axis);
        Optional<Keyframes> title = TweenReader.read(own, ownPath, violations);
        if (clip.isPresent() && title.isPresent()) {
            violations.add(ownPath, "cannot be an array of tweens while the clip's offset." + axis
                    + " is one too (the title moves by their sum): tween one of them");
            return clip;
        }
        return clip.or(() -> title);
    }

    /** A title's own offset: numbers, or the first values of its tweens (read as the clip's animation). */
    private static Offset titleOffset(JsonNode node) {
        return new Offset(firstOfNumberOrTweens(node.path("x")), firstOfNumberOrTweens(node.path("y")));
    }

    private static double firstOfNumberOrTweens(JsonNode value) {
        if (value.isArray()) {
            // violations are reported where the tweens are read as the clip's animation
            return TweenReader.read(value, JsonPath.ROOT, new Violations()).map(tweens -> tweens.valueAt(0))
                    .orElse(0.0);
        }
        return value.isNumber() ? value.asDouble() : 0;
    }

    /** A number, or the first value of its tweens (read already, violations and all). */
    private static double firstValue(JsonNode node, String name, Optional<Keyframes> tweens, JsonPath path,
            Violations violations, double fallback) {
        return node.path(name).isArray() ? tweens.map(keyframes -> keyframes.valueAt(0)).orElse(fallback)
                : number(node, name, path, violations, fallback);
    }

    /** A sound's volume; as tweens (read with the clip's {@link Animation}) it is 1 here. */
    private static double volume(JsonNode node, JsonPath path, Violations violations) {
        return node.path("volume").isArray() ? 1 : number(node, "volume", path, violations, 1);
    }

    /** A number that may also be given as an array of tweens, which are not supported yet. */
    private static double number(JsonNode node, String name, JsonPath path, Violations violations, double fallback) {
        JsonNode value = node.path(name);
        if (value.isArray()) {
            violations.add(path.property(name), "as an array of tweens " + NOT_SUPPORTED + " (use a number)");
            return fallback;
        }
        return value.isNumber() ? value.asDouble() : fallback;
    }

    private static void unsupported(JsonNode node, JsonPath path, Violations violations, String... names) {
        for (String name : names) {
            if (present(node, name)) {
                violations.add(path.property(name), NOT_SUPPORTED);
            }
        }
    }

    private static boolean present(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    private static Optional<String> optionalText(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }
}
